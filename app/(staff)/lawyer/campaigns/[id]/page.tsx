import type { Metadata } from "next";
import { getDb } from "@/db";
import { dateTime, statusLabel } from "@/app/components/staff/format";
import { gate, load } from "@/app/components/staff/gate";
import { caseFileFormValues } from "@/lib/campaigns/draft-form";
import { lawyerCampaignDetail } from "@/lib/campaigns/lawyer-dashboard";
import { updatesForLawyer } from "@/lib/campaigns/updates";
import { DoneBanner } from "@/app/components/staff/done-banner";
import { formatUsd } from "@/lib/money";
import { CampaignForm } from "../campaign-form";
import { AppointmentsLink } from "./appointments/appointments-link";
import { LivePanels } from "./live-panels";
import { MoneyPanel } from "./money-panel";
import { UpdatePanel } from "./update-panel";

export const metadata: Metadata = { title: "Campaign" };
export const dynamic = "force-dynamic";

const LIVE = ["live", "funded", "paused", "bond_requested", "bond_posted"];
const DONE = {
  update_sent: "Update sent for privacy review. It appears on the public page once an administrator approves it.",
};

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ event?: string; done?: string }>;
}) {
  const g = await gate("lawyer");
  if (g.denied) return g.denied;
  const { id } = await params;
  const d = await load(async () => {
    const db = await getDb();
    return { ...(await lawyerCampaignDetail(db, g.me, id)), updates: await updatesForLawyer(db, g.me, id) };
  });
  if (d.denied) return d.denied;
  const { campaign: c, caseFile, events, duplicateCount, money, bond, canRequestBond, updates } = d.value;
  const { event, done } = await searchParams;
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">
          {c.alias}*{" "}
          <span className="text-base font-normal text-muted">
            · {c.region} · {statusLabel(c.status)} · goal {formatUsd(c.goalCents)}
          </span>
        </h1>
        {c.reviewNotes ? (
          <p className="mt-2 rounded-md border border-accent bg-white p-3 text-sm" data-testid="review-notes">
            <strong>Returned by the reviewer:</strong> {c.reviewNotes}
          </p>
        ) : null}
        {duplicateCount ? (
          <p className="mt-2 text-sm text-accent">Another of your campaigns has a case file with the same A-number.</p>
        ) : null}
        {event ? (
          <p role="status" className="mt-2 rounded-md border border-brand bg-brand-soft p-3 text-sm">
            Case event recorded.
          </p>
        ) : null}
        <DoneBanner messages={DONE} code={done} />
      </header>
      {c.status === "draft" || c.status === "in_review" ? null : (
        <MoneyPanel
          campaignId={c.id}
          goalCents={c.goalCents}
          money={money}
          bond={bond}
          canRequestBond={canRequestBond}
        />
      )}
      <AppointmentsLink campaignId={c.id} status={c.status} />
      {c.status === "draft" ? (
        <CampaignForm
          campaignId={c.id}
          values={{
            ...caseFileFormValues(caseFile),
            alias: c.alias,
            region: c.region,
            summary: c.summary,
            story: c.story,
            detentionMonth: c.detentionMonth,
          }}
        />
      ) : LIVE.includes(c.status) ? (
        <>
          <UpdatePanel campaignId={c.id} updates={updates} />
          <LivePanels campaign={c} />
        </>
      ) : (
        <p className="text-muted">
          {c.status === "in_review"
            ? "Waiting for privacy review by a fund administrator. You will be able to edit it again if it is sent back."
            : "This campaign is " + statusLabel(c.status) + "; nothing can be changed here."}
        </p>
      )}
      {events.length ? (
        <div>
          <h2 className="mb-2 text-lg font-semibold">History</h2>
          <ul className="space-y-1 text-sm">
            {events.map((e) => (
              <li key={e.at.toISOString() + e.kind}>
                <span className="tabular-nums text-muted">{dateTime(e.at)}</span> — {statusLabel(e.kind)}
                {e.reasonCode ? ` (${statusLabel(e.reasonCode)})` : ""}
                {e.note ? `: ${e.note}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
