import { formatUsd } from "@/lib/money";

export function Progress({ raised, goal }: { raised: number; goal: number }) {
  const pct = goal > 0 ? Math.min(100, Math.floor((raised * 100) / goal)) : 0;
  return (
    <div>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label={`${formatUsd(raised)} raised of ${formatUsd(goal)}`}
        className="h-2.5 w-full overflow-hidden rounded-full bg-brand-soft"
      >
        <div className="h-full rounded-full bg-brand" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-2 text-sm text-muted">
        <span className="text-base font-semibold text-ink" data-testid="raised">
          {formatUsd(raised, { wholeDollars: true })}
        </span>{" "}
        raised of {formatUsd(goal, { wholeDollars: true })} bond
      </p>
    </div>
  );
}
