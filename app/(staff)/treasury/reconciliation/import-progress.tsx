"use client";
/**
 * Inside an import form: while the form's action runs, poll the import run
 * and say how far it got (a bar when the total is known, a count otherwise).
 */
import { useEffect, useState } from "react";
import { useFormStatus } from "react-dom";

interface Run {
  status: "running" | "done" | "failed";
  done: number;
  total: number | null;
}

export function ImportProgress({ kind, unit }: { kind: "stripe" | "bank"; unit: string }) {
  const { pending } = useFormStatus();
  const [run, setRun] = useState<Run | null>(null);
  useEffect(() => {
    if (!pending) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const res = await fetch(`/treasury/reconciliation/progress?kind=${kind}`, { cache: "no-store" });
        if (res.ok && !stopped) setRun((await res.json()) as Run | null);
      } catch {
        // A missed poll is harmless: the next one, or the action's own answer, tells the outcome.
      }
      if (!stopped) timer = setTimeout(tick, 1000);
    };
    timer = setTimeout(tick, 250);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pending, kind]);
  if (!pending) return null;
  const live = run?.status === "running" ? run : null;
  return (
    <div role="status" aria-live="polite" className="text-sm text-muted" data-testid={`progress-${kind}`}>
      {!live ? (
        "Starting the import…"
      ) : live.total ? (
        <>
          <progress value={live.done} max={live.total} className="mr-2 align-middle" aria-label={`${unit} imported`} />
          {live.done.toLocaleString("en-US")} of {live.total.toLocaleString("en-US")} {unit}
        </>
      ) : (
        `${live.done.toLocaleString("en-US")} ${unit} so far…`
      )}
    </div>
  );
}
