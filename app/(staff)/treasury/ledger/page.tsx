import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { formatUsd } from "@/lib/money";
import { accountEntries } from "@/lib/ledger/account-entries";
import { pageError } from "@/app/components/staff/page-error";

export const metadata: Metadata = { title: "Ledger" };
export const dynamic = "force-dynamic";

type Result = Awaited<ReturnType<typeof accountEntries>>;

export default async function LedgerPage({
  searchParams,
}: {
  searchParams: Promise<{ account?: string; page?: string }>;
}) {
  const sp = await searchParams;
  let r: Result;
  try {
    r = await accountEntries(await getDb(), await currentPrincipal(), {
      account: sp.account ?? "general",
      page: sp.page ?? 1,
    });
  } catch (e) {
    return pageError(e);
  }
  const link = (page: number) => `/treasury/ledger?account=${encodeURIComponent(r.account)}&page=${page}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">
        Ledger · <code className="text-lg">{r.account === "bond:*" ? "all bonds at ICE" : r.account}</code>
      </h1>
      <p className="text-sm text-muted">
        Balance{" "}
        <strong className="text-ink tabular-nums" data-testid="ledger-balance">
          {formatUsd(r.balanceCents)}
        </strong>{" "}
        · {r.total} postings, newest first. Amounts are signed on the account&apos;s own side: + raises its balance.
      </p>
      <table className="w-full bg-white text-sm">
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="p-2 font-medium">Entry</th>
            <th className="p-2 font-medium">Date</th>
            <th className="p-2 font-medium">Kind · memo</th>
            <th className="p-2 text-right font-medium">Amount</th>
            <th className="p-2 text-right font-medium">Balance after</th>
            <th className="p-2 font-medium">Other side</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={`${row.entryId}-${row.amountCents}`} className="border-t border-line align-top">
              <td className="p-2 tabular-nums">#{row.entryId}</td>
              <td className="p-2 whitespace-nowrap">{row.effectiveAt.toISOString().slice(0, 10)}</td>
              <td className="p-2">
                {row.kind.replace("_", " ")}
                {row.memo ? <span className="block text-xs text-muted">{row.memo}</span> : null}
              </td>
              <td className={`p-2 text-right tabular-nums ${row.amountCents < 0 ? "text-accent" : ""}`}>
                {formatUsd(row.amountCents)}
              </td>
              <td className="p-2 text-right tabular-nums">
                {row.balanceAfterCents === null ? "—" : formatUsd(row.balanceAfterCents)}
              </td>
              <td className="p-2 text-xs">
                {row.others.map((o) => (
                  <div key={o.account}>
                    <Link
                      href={`/treasury/ledger?account=${encodeURIComponent(o.account)}`}
                      className="text-brand underline"
                    >
                      {o.account.length > 20 ? `${o.account.slice(0, 17)}…` : o.account}
                    </Link>{" "}
                    <span className="tabular-nums text-muted">
                      {o.amountCents > 0 ? "Dr" : "Cr"} {formatUsd(Math.abs(o.amountCents))}
                    </span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.rows.length === 0 ? <p className="text-muted">No postings on this account yet.</p> : null}
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {r.page > 1 ? (
          <Link href={link(r.page - 1)} className="text-brand underline">
            Newer
          </Link>
        ) : null}
        <span className="text-muted">
          Page {r.page} of {r.pages}
        </span>
        {r.page < r.pages ? (
          <Link href={link(r.page + 1)} className="text-brand underline">
            Older
          </Link>
        ) : null}
      </nav>
      <p className="text-xs text-muted">
        Other accounts:{" "}
        {["general", "bonds_outstanding", "stripe", "bank", "undeposited_funds", "bond:*"].map((a) => (
          <Link
            key={a}
            href={`/treasury/ledger?account=${encodeURIComponent(a)}`}
            className="mr-2 text-brand underline"
          >
            {a}
          </Link>
        ))}
      </p>
    </div>
  );
}
