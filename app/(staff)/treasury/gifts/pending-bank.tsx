import { Usd } from "../components/money";

type Row = { id: string; alias: string; amount: number; submittedAt: Date | null; expectedAt: Date };

const day = (d: Date) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(d);

/** Bank debits submitted by donors and still clearing: shown, never counted, until Stripe says they settled. */
export function PendingBankGifts({ rows }: { rows: Row[] }) {
  const th = "py-1 pr-3 text-left text-xs font-medium text-muted";
  return (
    <section className="rounded-xl border border-line bg-white p-4" data-testid="pending-bank">
      <h2 className="font-semibold">Bank payments clearing</h2>
      <p className="mt-1 text-sm text-muted">
        Not yet in the books or any campaign&apos;s figure: a bank debit counts once Stripe reports it succeeded. If it
        fails, the gift is marked failed and the donor is emailed.
      </p>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-muted">None.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-sm">
            <thead>
              <tr>
                <th className={th}>Gift</th>
                <th className={th}>Campaign</th>
                <th className={th}>Amount</th>
                <th className={th}>Submitted</th>
                <th className={th}>Expected to clear</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-line">
                  <td className="py-1 pr-3 font-mono text-xs">{r.id.slice(0, 8)}</td>
                  <td className="pr-3">{r.alias}*</td>
                  <td className="pr-3 tabular-nums">
                    <Usd cents={r.amount} />
                  </td>
                  <td className="pr-3">{r.submittedAt ? day(r.submittedAt) : "—"}</td>
                  <td className="pr-3">{day(r.expectedAt)} (estimate)</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
