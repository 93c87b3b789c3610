import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { CheckboxField, SelectField, TextField } from "@/app/components/staff/fields";
import type { campaigns } from "@/db/schema";
import { CANCEL_REASONS } from "@/lib/campaigns/case-events";
import { caseEventAction, proposeEditAction } from "./actions";
import { PublicPanel } from "../campaign-form";

type Campaign = typeof campaigns.$inferSelect;

const EVENTS = [
  { value: "goal_changed", label: "Bond amount changed (redetermination)" },
  { value: "paused", label: "Pause (stay or appeal)" },
  { value: "resumed", label: "Resume" },
  { value: "released", label: "Client released" },
  { value: "cancelled", label: "Cancel the campaign" },
];

/** A published campaign: its public text changes only through review; case events change its state. */
export function LivePanels({ campaign: c }: { campaign: Campaign }) {
  const t = c.pendingPublic ?? c;
  const values = {
    alias: t.alias,
    region: t.region,
    summary: t.summary,
    story: t.story,
    detentionMonth: t.detentionMonth,
  };
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div>
        <h2 className="mb-2 text-lg font-semibold">Propose an edit to the public text</h2>
        {c.pendingPublic ? (
          <p className="mb-2 text-sm text-muted">An edit is already waiting for review; submitting replaces it.</p>
        ) : null}
        <ActionForm action={proposeEditAction.bind(null, c.id)} label="Propose an edit" className="space-y-3">
          <PublicPanel values={values} />
          <SubmitButton>Send edit for review</SubmitButton>
        </ActionForm>
      </div>
      <div>
        <h2 className="mb-2 text-lg font-semibold">Record a case event</h2>
        <ActionForm
          action={caseEventAction.bind(null, c.id)}
          label="Case event"
          className="space-y-3 rounded-lg border border-line bg-white p-4"
        >
          <SelectField name="kind" label="What happened" options={EVENTS} />
          <TextField name="goal" label="New bond amount (US dollars), for a bond change" />
          <SelectField
            name="reasonCode"
            label="Reason, for a pause or a cancellation"
            options={[...["stay", "appeal"], ...CANCEL_REASONS]
              .filter((r, i, a) => a.indexOf(r) === i)
              .map((r) => ({ value: r, label: r.replace(/_/g, " ") }))}
          />
          <TextField
            name="note"
            label="Note for the fund's staff"
            hint="Staff only; checked like public text — no names or numbers from the case file"
          />
          <CheckboxField
            name="confirmCancel"
            label="For a cancellation: I confirm the campaign stops taking gifts; its money goes back to donors or, where they agreed, to the general pool (the treasurers settle it)."
          />
          <SubmitButton variant="secondary">Record event</SubmitButton>
        </ActionForm>
      </div>
    </div>
  );
}
