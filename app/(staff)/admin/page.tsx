import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { TextField } from "@/app/components/staff/fields";
import { day } from "@/app/components/staff/format";
import { gate } from "@/app/components/staff/gate";
import { pendingLawyers, reviewQueue } from "@/lib/admin/queues";
import { reviewLawyerAction } from "./actions";

export const metadata: Metadata = { title: "Queues" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  approved: "Approved: the campaign (or its edit) is live.",
  returned: "Sent back to the lawyer with your notes.",
  lawyer_verify: "Lawyer verified: they now have the lawyer role.",
  lawyer_reject: "Lawyer profile rejected; they see your reason.",
};
const th = "px-3 py-2";

export default async function AdminHome({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const g = await gate("admin");
  if (g.denied) return g.denied;
  const db = await getDb();
  const [lawyers, reviews] = await Promise.all([pendingLawyers(db, g.me), reviewQueue(db, g.me)]);
  const { done } = await searchParams;
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold">Queues</h1>
      {done && DONE[done] ? (
        <p role="status" className="rounded-md border border-brand bg-brand-soft p-3 text-sm">
          {DONE[done]}
        </p>
      ) : null}
      <div>
        <h2 className="mb-2 text-lg font-semibold">Privacy review ({reviews.length})</h2>
        {reviews.length === 0 ? (
          <p className="text-muted">Nothing waits for review.</p>
        ) : (
          <table className="w-full rounded-lg border border-line bg-white text-left text-sm" data-testid="review-queue">
            <thead className="bg-paper text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className={th}>
                  Campaign
                </th>
                <th scope="col" className={th}>
                  Kind
                </th>
                <th scope="col" className={th}>
                  Lawyer
                </th>
                <th scope="col" className={th}>
                  Submitted
                </th>
                <th scope="col" className={th}>
                  Guard flags
                </th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.id} className="border-t border-line align-top">
                  <td className={th}>
                    <Link href={`/admin/reviews/${r.id}`} className="font-semibold text-brand underline">
                      Review {r.alias}*
                    </Link>
                    <div className="text-xs text-muted">{r.region}</div>
                  </td>
                  <td className={th}>{r.kind}</td>
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
        <h2 className="mb-2 text-lg font-semibold">Lawyers awaiting verification ({lawyers.length})</h2>
        <p className="mb-2 text-sm text-muted">
          Check the bar number with the state bar and the EOIR ID with EOIR before verifying. Verifying grants the
          lawyer role.
        </p>
        {lawyers.length === 0 ? (
          <p className="text-muted">No one is waiting.</p>
        ) : (
          <table className="w-full rounded-lg border border-line bg-white text-left text-sm" data-testid="lawyer-queue">
            <thead className="bg-paper text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className={th}>
                  Lawyer
                </th>
                <th scope="col" className={th}>
                  Bar
                </th>
                <th scope="col" className={th}>
                  EOIR ID
                </th>
                <th scope="col" className={th}>
                  Since
                </th>
                <th scope="col" className={th}>
                  Decision
                </th>
              </tr>
            </thead>
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
