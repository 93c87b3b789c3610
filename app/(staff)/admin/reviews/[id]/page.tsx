import type { Metadata } from "next";
import { getDb } from "@/db";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { TextField } from "@/app/components/staff/fields";
import { statusLabel } from "@/app/components/staff/format";
import { gate, load } from "@/app/components/staff/gate";
import { reviewDetail } from "@/lib/admin/queues";
import { formatUsd } from "@/lib/money";
import { approveAction, returnAction } from "./actions";
import { CaseFilePanel, PublicTextPanel } from "./panels";
import { UpdateReviews } from "./update-review";

export const metadata: Metadata = { title: "Privacy review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const g = await gate("admin");
  if (g.denied) return g.denied;
  const { id } = await params;
  const d = await load(async () => reviewDetail(await getDb(), g.me, id));
  if (d.denied) return d.denied;
  const r = d.value;
  return (
    <section className="space-y-5">
      <header>
        <h1 className="text-2xl font-semibold">Privacy review: {r.proposed.alias}*</h1>
        <p className="text-sm text-muted">
          {r.isEdit
            ? "Edit of a live campaign's public text"
            : r.awaitingText
              ? "New campaign"
              : "Updates posted on a live campaign"}{" "}
          · {statusLabel(r.status)} · goal {formatUsd(r.goalCents)}
        </p>
      </header>
      {!r.awaiting ? (
        <p className="rounded-md border border-line bg-white p-3">This campaign is not waiting for review.</p>
      ) : null}
      {r.awaitingText ? (
        <div className="rounded-lg border border-line bg-white p-3 text-sm" data-testid="review-flags">
          <h2 className="font-semibold">What the automatic check flagged</h2>
          {r.flags.length === 0 ? (
            <p className="text-muted">
              No flags. Still read the text against the case file: the check cannot catch everything (e.g. a unique job,
              a town, a relative&apos;s name).
            </p>
          ) : (
            <ul className="mt-1 list-disc pl-5">
              {r.flags.map((f, i) => (
                <li key={i}>
                  <strong>{f.kind}</strong> in {f.field}: {f.message}
                </li>
              ))}
            </ul>
          )}
          {r.duplicateCount ? (
            <p className="mt-1 text-accent">
              Another campaign has a case file with the same A-number: check it is not a second campaign for the same
              person.
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <PublicTextPanel
          title={
            r.isEdit ? "Proposed public text (edit)" : r.awaitingText ? "Proposed public text" : "Public text live now"
          }
          text={r.proposed}
          muted={!r.awaitingText}
        />
        {r.caseFile ? <CaseFilePanel cf={r.caseFile} /> : null}
      </div>
      {r.current ? <PublicTextPanel title="Public text live now" text={r.current} muted /> : null}
      {r.updates.length ? <UpdateReviews updates={r.updates} slug={r.slug} /> : null}
      {r.awaitingText ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <ActionForm
            action={approveAction.bind(null, r.id)}
            label="Approve"
            className="space-y-2 rounded-lg border-2 border-brand bg-white p-4"
          >
            <h2 className="font-semibold">Approve</h2>
            <p className="text-sm" data-testid="approve-effect">
              {r.isEdit ? (
                <>
                  The proposed text replaces the live text at <code>/campaigns/{r.slug}</code> immediately.
                </>
              ) : (
                <>
                  The campaign goes live at <code>/campaigns/{r.slug}</code> and appears on the home page; donors can
                  give to it at once.
                </>
              )}{" "}
              The privacy check runs once more against the current case file before publishing.
            </p>
            <SubmitButton>Approve and publish</SubmitButton>
          </ActionForm>
          <ActionForm
            action={returnAction.bind(null, r.id)}
            label="Send back"
            className="space-y-2 rounded-lg border border-line bg-white p-4"
          >
            <h2 className="font-semibold">Send back to the lawyer</h2>
            <p className="text-sm text-muted">
              {r.isEdit ? "The edit is discarded; the live text stays." : "The campaign returns to draft."} The lawyer
              sees your notes — do not copy case-file details into them.
            </p>
            <TextField name="notes" label="Notes for the lawyer" />
            <SubmitButton variant="secondary">Send back with notes</SubmitButton>
          </ActionForm>
        </div>
      ) : null}
    </section>
  );
}
