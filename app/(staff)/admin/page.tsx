import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { TextField } from "@/app/components/staff/fields";
import { day } from "@/app/components/staff/format";
import { gate } from "@/app/components/staff/gate";
import { TableHead } from "@/app/components/staff/table-head";
import { donorNamesWaiting } from "@/lib/admin/donor-names";
import { duplicatePeople } from "@/lib/admin/duplicates";
import { pendingLawyers, reviewQueue } from "@/lib/admin/queues";
import { reviewLawyerAction } from "./actions";
import { DoneBanner } from "@/app/components/staff/done-banner";

export const metadata: Metadata = { title: "Queues" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  approved: "Approved: the campaign (or its edit) is live.",
  returned: "Sent back to the lawyer with your notes.",
  update_approved: "Update approved: it is on the public campaign page.",
  update_rejected: "Update sent back to the lawyer with your notes; it was not published.",
  lawyer_verify: "Lawyer verified: they now have the lawyer role.",
  lawyer_reject: "Lawyer profile rejected; they see your reason.",
};
const th = "px-3 py-2";
const updatesLabel = (n: number) => (n === 1 ? "1 update" : `${n} updates`);
const queueKind = (r: { kind: string; updates: number }) =>
  r.kind === "update" ? updatesLabel(r.updates) : r.updates ? `${r.kind} + ${updatesLabel(r.updates)}` : r.kind;

export default async function AdminHome({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const g = await gate("admin");
  if (g.denied) return g.denied;
  const db = await getDb();
  const [lawyers, reviews, names, dupes] = await Promise.all([
    pendingLawyers(db, g.me),
    reviewQueue(db, g.me),
    donorNamesWaiting(db, g.me),
    duplicatePeople(db, g.me),
  ]);
  const { done } = await searchParams;
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold">Queues</h1>
      <DoneBanner messages={DONE} code={done} />
      <div>
        <h2 className="mb-2 text-lg font-semibold">Privacy review ({reviews.length})</h2>
        {reviews.length === 0 ? (
          <p className="text-muted">Nothing waits for review.</p>
        ) : (
          <table className="w-full rounded-lg border border-line bg-white text-left text-sm" data-testid="review-queue">
            <TableHead columns={["Campaign", "Kind", "Lawyer", "Submitted", "Guard flags"]} />
            <tbody>
              {reviews.map((r) => (
                <tr key={r.id} className="border-t border-line align-top">
                  <td className={th}>
                    <Link href={`/admin/reviews/${r.id}`} className="font-semibold text-brand underline">
                      Review {r.alias}*
                    </Link>
                    <div className="text-xs text-muted">{r.region}</div>
                  </td>
                  <td className={th}>{queueKind(r)}</td>
                  <td className={th}>{r.lawyer}</td>
                  <td className={`${th} tabular-nums`}>{day(r.submittedAt)}</td>
                  <td className={`${th} text-xs`}>
                    {r.flags.length === 0 && !r.duplicateCount ? <span className="text-muted">none</span> : null}
                    <ul>
                      {r.flags.map((f, i) => (
                        <li key={i}>
                          <strong>{f.kind}</strong> in {f.field}: {f.message}
                        </li>
                      ))}
                    </ul>
                    {r.duplicateCount ? (
                      <p className="text-accent">Same A-number as {r.duplicateCount} other campaign(s)</p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        <h2 className="mb-2 text-lg font-semibold">Donor wall names ({names})</h2>
        <p className="text-sm">
          {names
            ? "Names donors typed wait for your review before they appear on a campaign page. "
            : "No names wait. "}
          <Link href="/admin/donor-names" className="font-semibold text-brand underline">
            Review donor wall names
          </Link>
        </p>
      </div>
      <div>
        <h2 className="mb-2 text-lg font-semibold">Possible same person ({dupes.length})</h2>
        {dupes.length === 0 ? (
          <p className="text-muted">No two case files share an A-number.</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-muted">
              These case files share an A-number. The lawyers were not told (a lawyer must not learn that another
              lawyer&apos;s client is already with the fund); ask before approving a second campaign for one person.
            </p>
            <ul className="space-y-1 text-sm" data-testid="duplicate-people">
              {dupes.map((d, i) => (
                <li key={i} className="rounded-md border border-line bg-white p-2">
                  {d.campaigns.map((c, k) => (
                    <span key={c.id}>
                      {k ? " · " : ""}
                      <Link href={`/admin/reviews/${c.id}`} className="font-semibold text-brand underline">
                        {c.alias}*
                      </Link>{" "}
                      <span className="text-muted">
                        ({c.status}, {c.lawyer})
                      </span>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div>
        <h2 className="mb-2 text-lg font-semibold">Lawyers awaiting verification ({lawyers.length})</h2>
        <p className="mb-2 text-sm text-muted">
          Check the bar number with the state bar and the EOIR ID with EOIR before verifying. Verifying grants the
          lawyer role.
        </p>
        {lawyers.length === 0 ? (
          <p className="text-muted">No one is waiting.</p>
        ) : (
          <table className="w-full rounded-lg border border-line bg-white text-left text-sm" data-testid="lawyer-queue">
            <TableHead columns={["Lawyer", "Bar", "EOIR ID", "Since", "Decision"]} />
            <tbody>
              {lawyers.map((l) => (
                <tr key={l.userId} className="border-t border-line align-top">
                  <td className={th}>
                    <div className="font-semibold">{l.fullName}</div>
                    <div className="text-xs text-muted">
                      {l.email}
                      {l.firm ? ` · ${l.firm}` : ""}
                    </div>
                  </td>
                  <td className={`${th} tabular-nums`}>
                    {l.barState} {l.barNumber}
                  </td>
                  <td className={`${th} tabular-nums`}>{l.eoirId}</td>
                  <td className={`${th} tabular-nums`}>{day(l.submittedAt)}</td>
                  <td className={th}>
                    <ActionForm
                      action={reviewLawyerAction.bind(null, l.userId)}
                      label={`Decision on ${l.fullName}`}
                      className="flex flex-wrap items-end gap-2"
                    >
                      <SubmitButton name="decision" value="verify">
                        Verify
                      </SubmitButton>
                      <TextField name="reason" label="Reason (for a rejection)" className="min-w-48 flex-1" />
                      <SubmitButton name="decision" value="reject" variant="danger">
                        Reject
                      </SubmitButton>
                    </ActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
