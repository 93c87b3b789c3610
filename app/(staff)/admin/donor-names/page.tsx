import type { Metadata } from "next";
import { getDb } from "@/db";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { gate } from "@/app/components/staff/gate";
import { donorNameQueue, type DonorNameRow } from "@/lib/admin/donor-names";
import { decideDonorNamesAction } from "./actions";

export const metadata: Metadata = { title: "Donor wall names" };
export const dynamic = "force-dynamic";

const th = "px-3 py-2";

/** The donor's text with what the guard found marked, so the reviewer sees where (never shown to donors). */
function Marked({ row }: { row: DonorNameRow }) {
  const spans = [...row.blocked, ...row.flagged].sort((a, b) => a.start - b.start);
  const out: React.ReactNode[] = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    out.push(row.name.slice(at, f.start));
    out.push(
      <mark key={f.start} className="rounded bg-accent/20 px-0.5">
        {row.name.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  out.push(row.name.slice(at));
  return <span className="font-medium">{out}</span>;
}

export default async function DonorNamesPage() {
  const g = await gate("admin");
  if (g.denied) return g.denied;
  const rows = await donorNameQueue(await getDb(), g.me);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Donor wall names ({rows.length})</h1>
      <p className="max-w-3xl text-sm text-muted">
        A name a donor typed is public only after you approve it; until then, and after you hide it, the gift shows as
        “A donor”. The automatic check compares each name with the campaign&apos;s case file: what it found is shown
        here only, never to the donor. A name it blocks cannot be approved.
      </p>
      {/* Always rendered, so the result of the last decision stays on screen when the list empties. */}
      <ActionForm action={decideDonorNamesAction} label="Donor wall names" className="space-y-3">
        {rows.length === 0 ? (
          <p className="text-muted">No names wait for review.</p>
        ) : (
          <>
            <div className="overflow-x-auto">
              <table
                className="w-full rounded-lg border border-line bg-white text-left text-sm"
                data-testid="donor-names"
              >
                <thead className="bg-paper text-xs uppercase tracking-wide text-muted">
                  <tr>
                    <th scope="col" className={th}>
                      Select
                    </th>
                    <th scope="col" className={th}>
                      Name
                    </th>
                    <th scope="col" className={th}>
                      Campaign
                    </th>
                    <th scope="col" className={th}>
                      Automatic check
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.donationId} className="border-t border-line align-top">
                      <td className={th}>
                        <input
                          type="checkbox"
                          name="donationId"
                          value={r.donationId}
                          id={`n-${r.donationId}`}
                          aria-label={`Select “${r.name}”`}
                          className="h-5 w-5 accent-brand"
                        />
                      </td>
                      <td className={th}>
                        <label htmlFor={`n-${r.donationId}`}>
                          <Marked row={r} />
                        </label>
                      </td>
                      <td className={th}>{r.alias}*</td>
                      <td className={`${th} text-xs`}>
                        {r.blocked.length + r.flagged.length === 0 ? (
                          <span className="text-muted">
                            {r.noCaseFile ? "no case file to compare" : "nothing found"}
                          </span>
                        ) : (
                          <ul>
                            {r.blocked.map((f, i) => (
                              <li key={`b${i}`} className="text-accent">
                                <strong>Blocked ({f.kind}):</strong> {f.message}
                              </li>
                            ))}
                            {r.flagged.map((f, i) => (
                              <li key={`f${i}`}>
                                <strong>Check ({f.kind}):</strong> {f.message}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="flex flex-wrap gap-2">
              <SubmitButton name="decision" value="approve">
                Approve selected
              </SubmitButton>
              <SubmitButton name="decision" value="reject" variant="danger">
                Hide selected
              </SubmitButton>
            </div>
          </>
        )}
      </ActionForm>
    </section>
  );
}
