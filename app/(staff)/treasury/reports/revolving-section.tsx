import { formatUsd } from "@/lib/money";
import type { RevolvingFigures } from "@/lib/reports/revolving";

/** How the fund revolves: bonds posted, money at ICE and back, how often the pool has turned. */
export function RevolvingSection({ rev }: { rev: RevolvingFigures }) {
  return (
    <section className="rounded-xl border border-line bg-white p-4 text-sm" data-testid="revolving">
      <h2 className="mb-2 font-semibold">The revolving fund</h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {[
          ["Bonds posted", String(rev.bondsPosted)],
          ["Money at ICE now", formatUsd(rev.atIceCents)],
          ["Money recovered (with interest)", formatUsd(rev.recoveredCents)],
          [
            "Recovery rate (ended bonds)",
            rev.recoveryRate === null
              ? "no bond has ended yet"
              : `${Math.round(rev.recoveryRate * 100)}% (${rev.refundedBonds} refunded, ${rev.forfeitedBonds} forfeited)`,
          ],
          [
            "Average days to refund",
            rev.averageDaysToRefund === null ? "no refund yet" : `${rev.averageDaysToRefund} days`,
          ],
          [
            "Times the pool has turned",
            rev.poolTurns === null ? "no gifts yet" : `${rev.poolTurns.toFixed(2)} (bonds paid ÷ gifts received)`,
          ],
        ].map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
