import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { devToolsAllowed } from "@/lib/dev/dev-access";
import { devDouble, recentDonations, recentRecurringGifts } from "@/lib/dev/dev-tools";
import { formatUsd } from "@/lib/money";
import { consoleAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Stripe console (test)", robots: { index: false } };

const btn = "rounded border border-line bg-white px-2 py-1 text-xs hover:bg-brand-soft";

function ActionButton({ action, target, label }: { action: string; target: string; label: string }) {
  return (
    <form action={consoleAction} className="inline">
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="target" value={target} />
      <button className={btn}>{label}</button>
    </form>
  );
}

export default async function StripeConsole({ searchParams }: { searchParams: Promise<{ note?: string }> }) {
  const double = await devDouble();
  if (!double || !(await devToolsAllowed())) notFound();
  const { note } = await searchParams;
  const db = await getDb();
  const [gifts, monthly] = await Promise.all([recentDonations(db), recentRecurringGifts(db)]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Stripe console (offline double)</h1>
        <ActionButton
          action="payout"
          target=""
          label={`Create payout (${formatUsd(double.availableBalance())} available)`}
        />
      </div>
      {note && (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="console-note"
        >
          {note}
        </p>
      )}
      <section>
        <h2 className="mb-2 text-lg font-semibold">Recent donations</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                <th className="py-2">Campaign</th>
                <th>Amount</th>
                <th>Status</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {gifts.map((g) => (
                <tr key={g.id} className="border-b border-line align-top">
                  <td className="py-2">
                    {g.alias}* <span className="block font-mono text-xs text-muted">{g.id.slice(0, 8)}</span>
                  </td>
                  <td className="tabular-nums">
                    {formatUsd(g.amountCents)}
                    {g.refundedCents ? ` (−${formatUsd(g.refundedCents)})` : ""}
                  </td>
                  <td>
                    {g.status}
                    {g.frequency === "monthly" ? " · monthly" : ""}
                    {g.paymentMethod === "us_bank_account" ? " · bank" : ""}
                  </td>
                  <td className="space-x-1 space-y-1">
                    {g.paymentMethod === "us_bank_account" && g.status === "pending" && (
                      <>
                        <ActionButton action="bank_settle" target={g.id} label="Bank debit clears" />
                        <ActionButton action="bank_fail" target={g.id} label="Bank debit fails" />
                      </>
                    )}
                    <form action={consoleAction} className="inline-flex gap-1">
                      <input type="hidden" name="action" value="refund" />
                      <input type="hidden" name="target" value={g.id} />
                      <label className="sr-only" htmlFor={`amt-${g.id}`}>
                        Partial refund amount
                      </label>
                      <input
                        id={`amt-${g.id}`}
                        name="amount"
                        placeholder="all"
                        className="w-16 rounded border border-line px-1 text-xs"
                      />
                      <button className={btn}>Refund</button>
                    </form>
                    <ActionButton action="dispute_won" target={g.id} label="Dispute (won)" />
                    <ActionButton action="dispute_lost" target={g.id} label="Dispute (accepted)" />
                    <ActionButton action="dispute_countered_lost" target={g.id} label="Dispute (countered, lost)" />
                    <ActionButton action="fraud_warning" target={g.id} label="Fraud warning" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">Monthly gifts</h2>
        {monthly.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {monthly.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <span>
                  {m.alias}* · {formatUsd(m.amountCents)}/month · {m.status}
                </span>
                <ActionButton action="renew" target={m.id} label="Renew (paid)" />
                <ActionButton action="renew_fail" target={m.id} label="Renew (fails)" />
                <ActionButton action="cancel_subscription" target={m.id} label="Cancel subscription" />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
