import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { formatUsd } from "@/lib/money";
import { BOND_STATUSES, listBonds } from "@/lib/bonds/read-models";
import { StatusBadge } from "../components/money";
import { pageError } from "@/app/components/staff/page-error";

export const metadata: Metadata = { title: "Bonds" };
export const dynamic = "force-dynamic";

export default async function BondsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { status } = await searchParams;
  let r: Awaited<ReturnType<typeof listBonds>>;
  try {
    r = await listBonds(await getDb(), await currentPrincipal(), { status: status || undefined });
  } catch (e) {
    return pageError(e);
  }
  const tab = (s: string | undefined, label: string, n?: number) => (
    <Link
      key={label}
      href={s ? `/treasury/bonds?status=${s}` : "/treasury/bonds"}
      aria-current={s === status ? "page" : undefined}
      className={`rounded px-2 py-1 ${s === status ? "bg-brand text-white" : "hover:bg-brand-soft"}`}
    >
      {label.charAt(0).toUpperCase() + label.slice(1)}
      {n ? <span className="opacity-75"> ({n})</span> : null}
    </Link>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Bonds</h1>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-1 text-sm">
        {tab(undefined, "All")}
        {BOND_STATUSES.map((s) => tab(s, s.replace("_", " "), r.counts[s]))}
      </nav>
      <table className="w-full bg-white text-sm">
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="p-2 font-medium">Campaign</th>
            <th className="p-2 font-medium">Status</th>
            <th className="p-2 text-right font-medium">Amount</th>
            <th className="p-2 text-right font-medium">Top-up</th>
            <th className="p-2 font-medium">Requested</th>
            <th className="p-2 font-medium">Posted</th>
            <th className="p-2 font-medium">I-305</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((b) => (
            <tr key={b.id} className="border-t border-line">
              <td className="p-2">
                <Link href={`/treasury/bonds/${b.id}`} className="text-brand underline">
                  {b.alias}*
                </Link>{" "}
                <span className="text-muted">· {b.region}</span>
              </td>
              <td className="p-2">
                <StatusBadge status={b.status} />
              </td>
              <td className="p-2 text-right tabular-nums">{formatUsd(b.amountCents)}</td>
              <td className="p-2 text-right tabular-nums">{b.topUpCents ? formatUsd(b.topUpCents) : "—"}</td>
              <td className="p-2 tabular-nums">{b.createdAt.toISOString().slice(0, 10)}</td>
              <td className="p-2 tabular-nums">{b.postedOn ?? "—"}</td>
              <td className="p-2 font-mono text-xs">{b.i305Number ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.rows.length === 0 ? (
        <p className="text-muted">No bonds{status ? ` that are ${status.replace("_", " ")}` : ""}.</p>
      ) : null}
    </div>
  );
}
