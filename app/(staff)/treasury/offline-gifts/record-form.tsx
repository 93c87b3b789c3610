import { randomUUID } from "node:crypto";
import { ActionForm } from "@/app/components/staff/action-form";
import { CheckboxField, SelectField, TextField } from "@/app/components/staff/fields";
import { OFFLINE_METHODS } from "@/db/schema";
import { METHOD_LABELS } from "@/lib/offline-gifts/input";
import { recordOfflineGiftAction } from "./actions";

/** The treasurer's form for a check, wire, cash or other gift. Its token makes a double submit record one gift. */
export function RecordForm({
  campaigns,
  today,
}: {
  campaigns: { id: string; alias: string; region: string }[];
  today: string;
}) {
  return (
    <ActionForm action={recordOfflineGiftAction} submitLabel="Record the gift" testId="record-offline-gift">
      <input type="hidden" name="token" value={randomUUID()} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="method"
          label="How it came"
          options={OFFLINE_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
          defaultValue="check"
          placeholder=""
        />
        <TextField name="amount" label="Amount in dollars" placeholder="250.00" />
        <TextField name="donorName" label="Donor's name" hint="As on the check or the wire." />
        <TextField name="email" label="Donor's email (optional)" type="email" hint="The receipt goes here." />
        <TextField name="receivedOn" label="Date received" type="date" defaultValue={today} />
        <TextField
          name="reference"
          label="Reference"
          hint="The check number (required for a check), or the wire's reference."
        />
        <SelectField
          name="campaign"
          label="For"
          options={[
            { value: "general", label: "General pool (unrestricted)" },
            ...campaigns.map((c) => ({ value: c.id, label: `Campaign ${c.alias}* · ${c.region}` })),
          ]}
          defaultValue="general"
          placeholder=""
        />
        <SelectField
          name="locale"
          label="Receipt language"
          options={[
            { value: "en", label: "English" },
            { value: "es", label: "Español" },
          ]}
          defaultValue="en"
          placeholder=""
        />
      </div>
      <CheckboxField
        name="showOnWall"
        label="Show the donor's name on the campaign's donor wall (after an admin reviews it)"
      />
    </ActionForm>
  );
}
