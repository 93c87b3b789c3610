import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { TextAreaField } from "@/app/components/staff/fields";
import { day } from "@/app/components/staff/format";
import { MAX_UPDATE_CHARS, type CampaignUpdateRow } from "@/lib/campaigns/updates";
import { postUpdateAction } from "./actions";

const STATE: Record<CampaignUpdateRow["status"], string> = {
  pending: "Waiting for privacy review",
  approved: "Published",
  rejected: "Sent back, not published",
};

/** Post an update for donors (reviewed before it is public), and what became of the earlier ones. */
export function UpdatePanel({ campaignId, updates }: { campaignId: string; updates: CampaignUpdateRow[] }) {
  return (
    <section id="updates" aria-labelledby="post-update-heading" className="grid scroll-mt-4 gap-6 lg:grid-cols-2">
      <div>
        <h2 id="post-update-heading" className="mb-2 text-lg font-semibold">
          Post an update for donors
        </h2>
        <ActionForm
          action={postUpdateAction.bind(null, campaignId)}
          label="Post an update"
          className="space-y-3 rounded-lg border border-line bg-white p-4"
        >
          <p className="text-sm text-muted">
            Public once a fund administrator approves it, dated that day. Use the alias only: no names, numbers, places
            or dates from the case file (the privacy check refuses them).
          </p>
          <TextAreaField name="bodyEn" label="Update in English" max={MAX_UPDATE_CHARS} rows={5} />
          <TextAreaField
            name="bodyEs"
            label="Update in Spanish (optional)"
            hint="Shown on the Spanish page; without it, Spanish readers see the English text."
            max={MAX_UPDATE_CHARS}
            rows={5}
          />
          <SubmitButton>Send update for review</SubmitButton>
        </ActionForm>
      </div>
      <div>
        <h2 className="mb-2 text-lg font-semibold">Your updates</h2>
        {updates.length === 0 ? (
          <p className="text-sm text-muted">None yet.</p>
        ) : (
          <ol className="space-y-3" data-testid="lawyer-updates">
            {updates.map((u) => (
              <li key={u.id} className="rounded-lg border border-line bg-white p-3 text-sm">
                <p className="text-xs text-muted">
                  <strong className={u.status === "rejected" ? "text-accent" : ""}>{STATE[u.status]}</strong> · posted{" "}
                  {day(u.submittedAt)}
                  {u.publishedAt ? ` · public since ${day(u.publishedAt)}` : ""}
                </p>
                <p className="mt-1 whitespace-pre-wrap">{u.body}</p>
                {u.reviewNotes ? (
                  <p className="mt-1 rounded-md border border-accent p-2">
                    <strong>Reviewer&apos;s notes:</strong> {u.reviewNotes}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
