import type { Metadata } from "next";
import { TableHead } from "@/app/components/staff/table-head";
import Link from "next/link";
import { getDb } from "@/db";
import { dateTime } from "@/app/components/staff/format";
import { gate, load } from "@/app/components/staff/gate";
import { listAuditLog } from "@/lib/admin/audit-log";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Search = { action?: string; subject?: string; actor?: string; page?: string };
const th = "px-3 py-2";
const input = "mt-1 block w-56 rounded-md border border-line bg-white px-2 py-1.5 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const g = await gate("admin");
  if (g.denied) return g.denied;
  const sp = await searchParams;
  const d = await load(async () => listAuditLog(await getDb(), g.me, sp));
  if (d.denied) return d.denied;
  const { rows, total, page, pageCount, filter } = d.value;
  const pageHref = (p: number) =>
    `/admin/audit?${new URLSearchParams({ action: filter.action, subject: filter.subject, actor: filter.actor, page: String(p) })}`;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="text-sm text-muted">
        Every read and change of a case file, every verification, review and role change. Details never contain
        case-file values.
      </p>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-white p-3"
        role="search"
        aria-label="Filter the audit log"
      >
        <label className="text-sm font-medium">
          Action (or prefix, like case_file.)
          <input name="action" defaultValue={filter.action} className={input} />
        </label>
        <label className="text-sm font-medium">
          Subject (id or type)
          <input name="subject" defaultValue={filter.subject} className={input} />
        </label>
        <label className="text-sm font-medium">
          Actor (email or user id)
          <input name="actor" defaultValue={filter.actor} className={input} />
        </label>
        <button type="submit" className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white">
          Filter
        </button>
        <Link href="/admin/audit" className="py-2 text-sm text-muted underline">
          Clear
        </Link>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {total.toLocaleString("en-US")} entries · page {page} of {pageCount}
      </p>
      <div className="overflow-x-auto rounded-lg border border-line bg-white">
        <table className="w-full text-left text-sm" data-testid="audit-table">
          <TableHead columns={["When", "Action", "Subject", "Actor", "Details"]} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-line align-top">
                <td className={`${th} whitespace-nowrap tabular-nums`}>{dateTime(r.at)}</td>
                <td className={`${th} font-mono text-xs`}>
                  <Link href={`/admin/audit?action=${encodeURIComponent(r.action)}`} className="underline">
                    {r.action}
                  </Link>
                </td>
                <td className={`${th} font-mono text-xs`}>
                  {r.subjectType}{" "}
                  <Link href={`/admin/audit?subject=${encodeURIComponent(r.subjectId)}`} className="underline">
                    {r.subjectId.slice(0, 8)}
                  </Link>
                </td>
                <td className={`${th} text-xs`}>
                  {r.actorEmail ?? (r.actorUserId ? r.actorUserId.slice(0, 8) : "system")}
                </td>
                <td className={`${th} font-mono text-xs`}>
                  {Object.entries(r.details)
                    .map(([k, v]) => `${k}=${String(v)}`)
                    .join(" ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {page > 1 ? (
          <Link href={pageHref(page - 1)} className="underline">
            ← Newer
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={pageHref(page + 1)} className="underline">
            Older →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
