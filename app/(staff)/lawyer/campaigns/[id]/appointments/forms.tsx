"use client";
/** The forms of the appointments page (client components bound to the server actions in ./actions). */
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { CheckboxField, SelectField, TextField } from "@/app/components/staff/fields";
import { addressAction, completeTaskAction, saveRegistrationAction, withdrawConsentAction } from "./actions";

export type Option = { value: string; label: string };

export interface RegistrationValues {
  phone?: string;
  email?: string;
  language?: string;
  channel?: string;
  consentDate?: string;
  lawyerPhone?: string;
  familyPhone?: string;
  familyEmail?: string;
  consent?: boolean;
}

export function RegistrationForm({
  campaignId,
  values,
  languages,
}: {
  campaignId: string;
  values: RegistrationValues;
  languages: Option[];
}) {
  return (
    <ActionForm
      action={saveRegistrationAction.bind(null, campaignId)}
      label="Reminder registration"
      className="grid gap-3 sm:grid-cols-2"
    >
      <TextField
        name="phone"
        label="Person's mobile phone"
        hint="For SMS; US numbers may omit +1"
        type="tel"
        defaultValue={values.phone}
      />
      <TextField name="email" label="Person's email" type="email" defaultValue={values.email} />
      <SelectField
        name="language"
        label="Language of the reminders"
        options={languages}
        defaultValue={values.language}
      />
      <SelectField
        name="channel"
        label="Send reminders by"
        options={[
          { value: "sms", label: "SMS" },
          { value: "email", label: "Email" },
          { value: "both", label: "SMS and email" },
        ]}
        defaultValue={values.channel}
      />
      <TextField
        name="lawyerPhone"
        label="Your phone, shown in the messages"
        type="tel"
        defaultValue={values.lawyerPhone}
      />
      <TextField name="consentDate" label="Date the person consented" type="date" defaultValue={values.consentDate} />
      <TextField
        name="familyPhone"
        label="Family contact's phone (optional)"
        type="tel"
        defaultValue={values.familyPhone}
      />
      <TextField
        name="familyEmail"
        label="Family contact's email (optional)"
        type="email"
        defaultValue={values.familyEmail}
      />
      <div className="sm:col-span-2">
        <CheckboxField
          name="consent"
          label="The person agreed to receive these reminders (and to the family contact receiving them)."
          defaultChecked={values.consent}
        />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton>Save reminder settings</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function WithdrawConsentForm({ campaignId }: { campaignId: string }) {
  return (
    <ActionForm action={withdrawConsentAction.bind(null, campaignId)} label="Withdraw consent">
      <SubmitButton variant="secondary">The person withdrew consent: stop all reminders</SubmitButton>
    </ActionForm>
  );
}

export function AddressForm({ campaignId }: { campaignId: string }) {
  return (
    <ActionForm action={addressAction.bind(null, campaignId)} label="New address" className="grid gap-3 sm:grid-cols-2">
      <TextField name="street" label="Street address" />
      <TextField name="city" label="City" />
      <TextField name="state" label="State (two letters)" />
      <TextField name="zip" label="ZIP code" />
      <TextField name="movedOn" label="Date of the move" type="date" />
      <div className="sm:col-span-2">
        <SubmitButton>Record the new address</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function DoneForm({ campaignId, taskId }: { campaignId: string; taskId: string }) {
  return (
    <ActionForm action={completeTaskAction.bind(null, campaignId, taskId)} label="Mark done">
      <SubmitButton variant="secondary">Done</SubmitButton>
    </ActionForm>
  );
}
