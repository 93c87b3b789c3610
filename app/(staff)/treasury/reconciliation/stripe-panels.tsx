import Link from "next/link";
import { formatUsd } from "@/lib/money";
import type { StripeBalanceCheck } from "@/lib/reconciliation/stripe-balance";
import type { StripeReconciliation } from "@/lib/reconciliation/stripe-match";

const KIND_TEXT = {
  missing_in_books: "In Stripe, not in the books",
  amount_differs: "Amounts differ",
} as const;

const FLIGHT_TEXT = {
  payout_not_booked: "Payout on its way to the bank, not booked yet (booked when Stripe reports it paid)",
  missing_in_books: "At Stripe, not booked yet (its webhook has not arrived)",
  amount_differs: "Booked with a different amount than Stripe's",
  demo_data: "Demo data booked by the seed, never at Stripe",
} as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Matched, pending (normal: waiting for Stripe's next payout) and exceptions (need a person), each in its own colour. */
export function StripeMatchPanel({ r }: { r: StripeReconciliation }) {
  return (
    <section className="rounded-xl border border-line bg-white p-4">
      <h2 className="font-semibold">Stripe against the books</h2>
      <p className="mt-1 flex flex-wrap gap-2 text-sm" data-testid="stripe-summary">
        <span className="rounded bg-green-50 px-2 py-0.5 text-green-800">{r.matched} matched</span>
        <span className="rounded bg-amber-50 px-2 py-0.5 text-amber-900" data-testid="stripe-pending">
          {plural(r.pending.length, "pending (waiting for a payout)", "pending (waiting for a payout)")}
        </span>
        <span
          className={`rounded px-2 py-0.5 ${r.exceptions.length ? "bg-red-50 font-semibold text-red-800" : "bg-paper text-muted"}`}
          data-testid="stripe-exceptions"
        >
          {plural(r.exceptions.length, "exception", "exceptions")}
        </span>
      </p>
      {r.pending.length ? (
        <p className="mt-2 text-sm text-muted">
          Pending is normal: gifts, refunds and fees are in the books and at Stripe, and Stripe has not paid them out
          yet. They match when the next payout is imported.
        </p>
      ) : null}
      {r.exceptions.length ? (
        <table className="mt-3 w-full text-sm">
          <thead className="text-left text-xs text-muted">
            <tr>
              <th className="py-1">Stripe object</th>
              <th>Exception</th>
              <th className="text-right">Stripe net</th>
              <th className="text-right">Books</th>
            </tr>
          </thead>
          <tbody>
            {r.exceptions.map((x) => (
              <tr key={x.sourceId} className="border-t border-line text-red-800">
                <td className="py-1 font-mono text-xs">{x.sourceId}</td>
                <td>{KIND_TEXT[x.kind]}</td>
                <td className="text-right tabular-nums">{formatUsd(x.stripeNetCents)}</td>
                <td className="text-right tabular-nums">{formatUsd(x.ledgerCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

const signed = (c: number) => (c < 0 ? `−${formatUsd(-c)}` : formatUsd(c));

/** The books' Stripe account beside Stripe's own balance, the difference explained item by item. */
export function StripeBalancePanel({ c }: { c: StripeBalanceCheck | { error: string } }) {
  return (
    <section className="rounded-xl border border-line bg-white p-4" data-testid="stripe-balance">
      <h2 className="font-semibold">Stripe balance against the books</h2>
      {"error" in c ? (
        <p className="mt-1 text-sm text-accent">{c.error}</p>
      ) : (
        <>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-y-1 text-sm sm:max-w-md">
            <dt>Books: the fund&apos;s money at Stripe</dt>
            <dd className="text-right tabular-nums" data-testid="balance-books">
              <Link href="/treasury/ledger?account=stripe" className="underline decoration-line underline-offset-2">
                {formatUsd(c.booksCents)}
              </Link>
            </dd>
            <dt>
              Stripe&apos;s balance{" "}
              <span className="text-muted">
                ({formatUsd(c.availableCents)} available + {formatUsd(c.pendingCents)} pending)
              </span>
            </dt>
            <dd className="text-right tabular-nums" data-testid="balance-stripe">
              {formatUsd(c.stripeCents)}
            </dd>
            <dt className="font-semibold">Difference (books − Stripe)</dt>
            <dd className="text-right font-semibold tabular-nums" data-testid="balance-difference">
              {signed(c.differenceCents)}
            </dd>
          </dl>
          {c.explained.length ? (
            <ul className="mt-3 space-y-1 text-sm" data-testid="balance-explained">
              {c.explained.map((x) => (
                <li key={x.kind + x.sourceId} className="flex justify-between gap-3 border-t border-line pt-1">
                  <span>
                    {FLIGHT_TEXT[x.kind]} · <span className="font-mono text-xs">{x.sourceId}</span>
                  </span>
                  <span className="tabular-nums">{signed(x.cents)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <p
            className={`mt-3 text-sm font-semibold ${c.unexplainedCents ? "text-red-800" : "text-green-800"}`}
            data-testid="balance-unexplained"
          >
            {c.unexplainedCents
              ? `Unexplained: ${signed(c.unexplainedCents)}. Import from Stripe; if it stays, compare Stripe's dashboard with the ledger.`
              : c.differenceCents
                ? "Explained to the cent by the items in flight above."
                : "The books and Stripe agree to the cent."}
          </p>
        </>
      )}
    </section>
  );
}
