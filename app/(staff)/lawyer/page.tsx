import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { day, statusLabel } from "@/app/components/staff/format";
import { gate } from "@/app/components/staff/gate";
import { listLawyerCampaigns, myLawyerProfile } from "@/lib/campaigns/lawyer-dashboard";
import { formatUsd } from "@/lib/money";
import { LawyerCaseTasks } from "./case-tasks";
import { ProfileStatus } from "./profile/profile-status";

export const metadata: Metadata = { title: "My campaigns" };
export const dynamic = "force-dynamic";

/** The campaigns table's columns: label, and whether it holds an amount (right-aligned). */
const COLUMNS: [string, boolean][] = [
  ["Alias", false],
  ["Status", false],
  ["Goal", true],
  ["Raised", true],
  ["Balance", true],
  ["Submitted", false],
  ["Published", false],
  ["Attention", false],
];

export default async function LawyerHome({ searchParams }: { searchParams: Promise<{ submitted?: string }> }) {
  const g = await gate();
  if (g.denied) return g.denied;
  const db = await getDb();
  if (!g.me.roles.includes("lawyer")) {
    // Anyone signed in may apply; the campaign pages themselves require the verified role.
    const profile = await myLawyerProfile(db, g.me);
    return (
      <section className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">Lawyer area</h1>
        <p>To publish campaigns for your clients, the fund must first verify you as a licensed immigration attorney.</p>
        <ProfileStatus profile={profile} />
        <Link href="/lawyer/profile" className="inline-block rounded-md bg-brand px-4 py-2 font-semibold text-white">
          {profile ? "See or update your lawyer profile" : "Fill in your lawyer profile"}
        </Link>
      </section>
    );
  }
  const rows = await listLawyerCampaigns(db, g.me);
  const { submitted } = await searchParams;
  return (
    <section>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">My campaigns</h1>
        <Link href="/lawyer/campaigns/new" className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white">
          New campaign
        </Link>
      </div>
      <LawyerCaseTasks me={g.me} />
      {submitted ? (
        <p role="status" className="mb-4 rounded-md border border-brand bg-brand-soft p-3 text-sm">
          Submitted for privacy review. A fund administrator will approve it or send it back with notes.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-muted">You have no campaigns yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm" data-testid="lawyer-campaigns">
            <caption className="sr-only">Your campaigns; amounts from the fund&apos;s ledger</caption>
            <thead className="bg-paper text-xs uppercase tracking-wide text-muted">
              <tr>
                {COLUMNS.map(([label, right]) => (
                  <th key={label} scope="col" className={right ? "px-3 py-2 text-right" : "px-3 py-2"}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className="border-t border-line align-top">
                  <td className="px-3 py-2">
                    <Link href={`/lawyer/campaigns/${c.id}`} className="font-semibold text-brand underline">
                      {c.alias}*
                    </Link>
                    <div className="text-xs text-muted">{c.region}</div>
                  </td>
                  <td className="px-3 py-2">
                    {statusLabel(c.status)}
                    {c.pendingEdit ? <div className="text-xs text-muted">edit in review</div> : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatUsd(c.goalCents)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatUsd(c.raisedCents)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatUsd(c.balanceCents)}</td>
                  <td className="px-3 py-2 tabular-nums">{day(c.submittedAt)}</td>
                  <td className="px-3 py-2 tabular-nums">{day(c.publishedAt)}</td>
                  <td className="max-w-xs px-3 py-2 text-xs">
                    {c.reviewNotes ? (
                      <p>
                        <strong>Returned:</strong> {c.reviewNotes}
                      </p>
                    ) : null}
                    {c.duplicateCount ? (
                      <p className="text-accent">Same A-number as {c.duplicateCount} other campaign(s) of yours</p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
