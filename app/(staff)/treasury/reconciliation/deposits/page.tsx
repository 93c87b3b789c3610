import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { gate, load } from "@/app/components/staff/gate";
import { depositsOverview, lineForMatching } from "@/lib/offline-gifts/queries";
import { Usd } from "../../components/money";
import { MatchLine } from "./match-line";

export const metadata: Metadata = { title: "Bank deposits of offline gifts" };
export const dynamic = "force-dynamic";

/**
 * Which recorded checks, wires and cash does each bank deposit carry? Without `line`: the deposits
 * waiting to be matched and those matched; with it, the one line and the gifts to select.
 */
export default async function DepositsPage({
  searchParams,
}: {
  searchParams: Promise<{ line?: string; done?: string }>;
}) {
  const g = await gate("treasurer");
  if (g.denied) return g.denied;
  const { line, done } = await searchParams;
  const db = await getDb();
  if (line) {
    const r = await load(async () => lineForMatching(db, g.me, line));
    return r.denied ?? <MatchLine data={r.value} done={done} />;
  }
  const r = await load(async () => depositsOverview(db, g.me));
  if (r.denied) return r.denied;
  const { open, matched, returns, waitingGifts } = r.value;
  const th = "py-1 pr-3 text-left text-xs font-medium text-muted";
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/treasury/reconciliation" className="text-brand underline">
          ← Reconciliation
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Bank deposits of offline gifts</h1>
      <p className="max-w-3xl text-sm text-muted">
        A deposit line on the bank statement carries one or more recorded checks, wires or cash gifts ({waitingGifts}{" "}
        waiting now). Open a line and select the gifts it deposits: together they must equal the line to the cent.
      </p>
      <section className="rounded-xl border border-line bg-white p-4" data-testid="deposits-open">
        <h2 className="font-semibold">Deposits not matched yet</h2>
        {open.length === 0 ? (
          <p className="mt-1 text-sm text-muted">None: import the bank statement first (Reconciliation).</p>
        ) : (
          <LineList lines={open} action="Match offline gifts" />
        )}
      </section>
      {returns.length ? (
        <section className="rounded-xl border border-line bg-white p-4" data-testid="possible-returns">
          <h2 className="font-semibold">Withdrawals that may be returned checks</h2>
          <p className="mt-1 text-sm text-muted">
            Each takes back exactly the amount of a deposited check. If the bank returned that check, open the line and
            record it.
          </p>
          <LineList lines={returns} action="Record a returned check" />
        </section>
      ) : null}
      <section className="rounded-xl border border-line bg-white p-4">
        <h2 className="font-semibold">Matched deposits</h2>
        {matched.length === 0 ? (
          <p className="mt-1 text-sm text-muted">None yet.</p>
        ) : (
          <table className="mt-2 w-full text-sm">
            <thead>
              <tr>
                <th className={th}>Date</th>
                <th className={th}>Description</th>
                <th className={th}>Gifts</th>
                <th className={`${th} text-right`}>Amount</th>
              </tr>
            </thead>
            <tbody>
              {matched.map((m) => (
                <tr key={m.lineId} className="border-t border-line">
                  <td className="py-1 pr-3">
                    <Link href={`/treasury/reconciliation/deposits?line=${m.lineId}`} className="text-brand underline">
                      {m.postedOn}
                    </Link>
                  </td>
                  <td className="pr-3">{m.description}</td>
                  <td className="pr-3">{m.gifts}</td>
                  <td className="text-right">
                    <Usd cents={m.amountCents} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** Bank lines not matched yet, each with the link that opens it to match. */
function LineList({
  lines,
  action,
}: {
  lines: { id: string; postedOn: string; description: string; amountCents: number }[];
  action: string;
}) {
  return (
    <ul className="mt-2 divide-y divide-line text-sm">
      {lines.map((l) => (
        <li key={l.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
          <span>
            {l.postedOn} · {l.description}
          </span>
          <span className="flex items-baseline gap-3">
            <strong>
              <Usd cents={l.amountCents} />
            </strong>
            <Link href={`/treasury/reconciliation/deposits?line=${l.id}`} className="text-brand underline">
              {action}
            </Link>
          </span>
        </li>
      ))}
    </ul>
  );
}
