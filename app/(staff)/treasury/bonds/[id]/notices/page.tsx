import type { Metadata } from "next";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { listNotices } from "@/lib/notices/read";
import { recordNoticeAction, resolveNoticeAction } from "./actions";
import { NoticeForm } from "./notice-form";
import { BondSubPageHeader, loadBondSubPage, type BondSubPageProps } from "../bond-sub-page";

export const metadata: Metadata = { title: "ICE notices" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  recorded: "Notice recorded. Its deadline is below and on the treasury dashboard.",
  met: "Deadline marked done.",
};
const SERVED: Record<string, string> = { mail: "mail", email: "email", in_person: "in person" };

export default async function NoticesPage(props: BondSubPageProps) {
  const r = await loadBondSubPage(props, listNotices);
  if (r.denied) return r.denied;
  const { bond, data: notices, done } = r;
  return (
    <div className="space-y-6">
      <BondSubPageHeader bond={bond} title="ICE notices" messages={DONE} done={done} />
      <section className="rounded-lg border border-line bg-white p-4" data-testid="notices">
        <h2 className="mb-2 font-semibold">Notices received ({notices.length})</h2>
        {notices.length === 0 ? (
          <p className="text-sm text-muted">None recorded yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th className="py-1 pr-3">Notice</th>
                  <th className="py-1 pr-3">Served</th>
                  <th className="py-1 pr-3">Deadline</th>
                  <th className="py-1 pr-3">Scan</th>
                </tr>
              </thead>
              <tbody>
                {notices.map((n) => (
                  <tr key={n.id} className="border-t border-line align-top" data-testid={`notice-${n.form}`}>
                    <td className="py-2 pr-3 font-semibold">
                      {n.form}
                      {n.details.place ? <div className="text-xs font-normal text-muted">{n.details.place}</div> : null}
                      {n.details.note ? <div className="text-xs font-normal text-muted">{n.details.note}</div> : null}
                    </td>
                    <td className="py-2 pr-3 tabular-nums">
                      {n.servedOn} <span className="text-xs text-muted">by {SERVED[n.servedBy]}</span>
                    </td>
                    <td className="py-2 pr-3">
                      {n.deadline ? (
                        <>
                          <div>{n.deadline.label}</div>
                          <div className="tabular-nums">{n.deadline.local}</div>
                          <div
                            className={
                              n.deadline.resolved
                                ? "text-muted"
                                : n.deadline.daysLeft < 0
                                  ? "font-semibold text-accent"
                                  : "font-semibold"
                            }
                          >
                            {n.deadline.resolved
                              ? "done"
                              : n.deadline.daysLeft < 0
                                ? `overdue by ${-n.deadline.daysLeft} day(s)`
                                : `${n.deadline.daysLeft} day(s) left`}
                          </div>
                          {!n.deadline.resolved ? (
                            <ActionForm action={resolveNoticeAction.bind(null, bond.id, n.id)} className="mt-1">
                              <SubmitButton variant="secondary">Mark done</SubmitButton>
                            </ActionForm>
                          ) : null}
                        </>
                      ) : (
                        <span className="text-muted">none</span>
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      {n.scan ? (
                        <a href={`/treasury/bonds/${bond.id}/notices/${n.id}/scan`} className="text-brand underline">
                          Download ({Math.max(1, Math.round(n.scan.sizeBytes / 1024))} KB)
                        </a>
                      ) : (
                        <span className="text-muted">no scan</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="rounded-lg border border-line bg-white p-4">
        <h2 className="mb-2 font-semibold">Record a notice</h2>
        <p className="mb-3 text-sm text-muted">
          An I-323 marks the bond breached and starts the I-290B appeal window (30 days, 33 if mailed). An I-391 marks
          it cancelled and starts the refund claim.
        </p>
        <NoticeForm action={recordNoticeAction.bind(null, bond.id)} />
      </section>
    </div>
  );
}
