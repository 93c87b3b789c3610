import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { TextField } from "@/app/components/staff/fields";
import { day } from "@/app/components/staff/format";
import type { CampaignUpdateRow } from "@/lib/campaigns/updates";
import { approveUpdateAction, rejectUpdateAction } from "./actions";

/** Each posted update waiting for review: its text in both languages, the guard's flags, approve or send back. */
export function UpdateReviews({ updates, slug }: { updates: CampaignUpdateRow[]; slug: string }) {
  return (
    <section className="space-y-4" aria-labelledby="updates-heading" data-testid="update-reviews">
      <h2 id="updates-heading" className="text-lg font-semibold">
        Posted updates waiting for review ({updates.length})
      </h2>
      {updates.map((u, i) => (
        <article
          key={u.id}
          className="space-y-3 rounded-lg border-2 border-brand bg-white p-4"
          aria-label={`Update ${i + 1}`}
          data-testid="update-review"
        >
          <p className="text-xs text-muted">Posted {day(u.submittedAt)}</p>
          <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-muted">English</dt>
            <dd className="whitespace-pre-wrap">{u.body}</dd>
            <dt className="text-muted">Spanish</dt>
            <dd className="whitespace-pre-wrap">{u.bodyEs ?? "— (Spanish pages show the English text)"}</dd>
          </dl>
          {u.reviewFlags.length ? (
            <ul className="list-disc pl-5 text-sm" data-testid="update-flags">
              {u.reviewFlags.map((f, k) => (
                <li key={k}>
                  <strong>{f.kind}</strong> in {f.field}: {f.message}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No flags. Still read it against the case file.</p>
          )}
          <div className="grid gap-3 lg:grid-cols-2">
            <ActionForm action={approveUpdateAction.bind(null, u.id)} label={`Approve update ${i + 1}`}>
              <p className="text-sm">
                Appears at once, dated today, at the top of the updates on <code>/campaigns/{slug}</code>, in English
                and Spanish. The privacy check runs once more against the current case file.
              </p>
              <SubmitButton>Approve and publish the update</SubmitButton>
            </ActionForm>
            <ActionForm action={rejectUpdateAction.bind(null, u.id)} label={`Send back update ${i + 1}`}>
              <TextField
                name="notes"
                label="Notes for the lawyer"
                hint="Not published. Do not copy case-file details into them."
              />
              <SubmitButton variant="secondary">Send the update back</SubmitButton>
            </ActionForm>
          </div>
        </article>
      ))}
    </section>
  );
}
