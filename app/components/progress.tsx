import { formatMoney } from "@/lib/money";

/**
 * `ofGoal` is the translated "raised of a $20,000 bond"; `large` is the campaign page's donation card.
 * `raised` is the headline figure (lib/campaigns/queries.ts), always shown with cents; `means` says what it is.
 */
export function Progress({
  raised,
  goal,
  ofGoal,
  locale,
  means,
  large = false,
}: {
  raised: number;
  goal: number;
  ofGoal: string;
  locale: string;
  means?: string;
  large?: boolean;
}) {
  const pct = goal > 0 ? Math.min(100, Math.floor((raised * 100) / goal)) : 0;
  const raisedText = formatMoney(raised, locale);
  return (
    <div>
      {large && (
        <p className="mb-2">
          <span className="block text-4xl font-semibold tracking-tight text-ink" data-testid="raised">
            {raisedText}
          </span>
          <span className="text-muted">{ofGoal}</span>
        </p>
      )}
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label={`${raisedText} ${ofGoal}`}
        className={`${large ? "h-3" : "h-2.5"} w-full overflow-hidden rounded-full bg-brand-soft`}
      >
        <div className="h-full rounded-full bg-brand" style={{ width: `${pct}%` }} />
      </div>
      {large && means && (
        <p className="mt-2 text-xs text-muted" data-testid="raised-means">
          {means}
        </p>
      )}
      {!large && (
        <p className="mt-2 text-sm text-muted">
          <span className="text-base font-semibold text-ink" data-testid="raised">
            {raisedText}
          </span>{" "}
          {ofGoal}
        </p>
      )}
    </div>
  );
}
