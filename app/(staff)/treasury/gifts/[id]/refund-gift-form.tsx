"use client";
/**
 * The refund form with what it will change in the books, recomputed as the amount is typed: this gift's
 * share of its campaign as far as the campaign still holds it, the general pool for the rest, and the
 * fund's money at Stripe (lib/payments/webhooks/books.ts books it when Stripe confirms the refund).
 */
import { useState } from "react";
import { ActionForm } from "@/app/components/staff/action-form";
import type { FormState } from "@/lib/forms/form-state";
import { refundSplit } from "@/lib/donations/refund-split";
import { formatUsd, parseUsd } from "@/lib/money";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

export function RefundGiftForm(p: { action: Action; alias: string; left: number; share: number; held: number }) {
  const [typed, setTyped] = useState((p.left / 100).toFixed(2));
  let amount: number | null;
  try {
    amount = parseUsd(typed, { field: "amount", allowZero: false });
  } catch {
    amount = null;
  }
  return (
    <ActionForm
      action={p.action}
      submitLabel="Send the refund to Stripe"
      danger
      testId="refund-form"
      onInput={(e) => {
        const t = e.target as HTMLInputElement;
        if (t.name === "amount") setTyped(t.value);
      }}
      fields={[
        { name: "amount", label: "Amount in dollars", defaultValue: (p.left / 100).toFixed(2) },
        { name: "reason", label: "Reason (kept in the audit log)", type: "textarea" },
        {
          name: "confirm",
          type: "checkbox",
          label:
            "I have read what this changes in the books and confirm: the refund goes to the donor's card and cannot be undone.",
        },
      ]}
    >
      <Effect {...p} amount={amount} />
    </ActionForm>
  );
}

function Effect({
  alias,
  left,
  share,
  held,
  amount,
}: {
  alias: string;
  left: number;
  share: number;
  held: number;
  amount: number | null;
}) {
  if (amount === null || amount > left)
    return (
      <p className="rounded border border-line bg-paper p-3 text-sm" data-testid="refund-postings">
        Type an amount up to {formatUsd(left)} to see what it changes in the books.
      </p>
    );
  const split = refundSplit(amount, share, held);
  const lines: [string, number][] = [
    [`Campaign ${alias}* fund (holds ${formatUsd(held)})`, split.campaign],
    ...(split.general > 0
      ? [["General pool (for what the campaign no longer holds of this gift)", split.general] as [string, number]]
      : []),
    ["Money at Stripe: returned to the donor's card", amount],
  ];
  return (
    <div className="rounded border border-line bg-paper p-3 text-sm" data-testid="refund-postings">
      <p>When Stripe confirms the refund (seconds later), the books change like this. Stripe keeps its fee.</p>
      <table className="mt-2 w-full">
        <tbody>
          {lines.map(([what, cents]) => (
            <tr key={what} className="border-t border-line">
              <td className="py-1 pr-2">{what}</td>
              <td className="whitespace-nowrap py-1 text-right font-semibold tabular-nums">
                −&nbsp;{formatUsd(cents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
