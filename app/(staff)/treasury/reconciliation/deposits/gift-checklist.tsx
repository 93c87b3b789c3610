"use client";
/** The gifts waiting for deposit, as checkboxes, with the running total against the bank line (the server checks it again). */
import { useState } from "react";
import { formatUsd } from "@/lib/money";

export function GiftChecklist({
  gifts,
  lineCents,
}: {
  gifts: { id: string; cents: number; label: string }[];
  lineCents: number;
}) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const total = gifts.filter((g) => picked.has(g.id)).reduce((s, g) => s + g.cents, 0);
  const toggle = (id: string, on: boolean) =>
    setPicked((p) => {
      const next = new Set(p);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const diff = lineCents - total;
  return (
    <fieldset className="space-y-2">
      <legend className="sr-only">Gifts waiting for deposit</legend>
      {gifts.map((g) => (
        <label key={g.id} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="giftIds"
            value={g.id}
            className="mt-0.5 h-4 w-4"
            onChange={(e) => toggle(g.id, e.target.checked)}
          />
          <span>
            <strong className="tabular-nums">{formatUsd(g.cents)}</strong> · {g.label}
          </span>
        </label>
      ))}
      <p
        className={`text-sm ${diff === 0 ? "font-semibold text-brand" : "text-muted"}`}
        aria-live="polite"
        data-testid="selected-total"
      >
        Selected {formatUsd(total)} of {formatUsd(lineCents)}
        {diff === 0
          ? ": equal to the line."
          : `: ${formatUsd(Math.abs(diff))} ${diff > 0 ? "still to select" : "too much"}.`}
      </p>
    </fieldset>
  );
}
