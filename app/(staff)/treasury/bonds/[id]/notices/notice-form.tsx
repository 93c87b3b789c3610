"use client";
/** Record an ICE notice with its scan. The I-340 fields matter only for an I-340 (the server says so if missing). */
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { SelectField, TextAreaField, TextField } from "@/app/components/staff/fields";
import type { FormState } from "@/lib/forms/form-state";

const ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
];

export function NoticeForm({ action }: { action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={action} className="space-y-3" label="Record a notice from ICE">
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          name="form"
          label="Notice"
          options={[
            { value: "I-340", label: "I-340 — demand to deliver the person" },
            { value: "I-323", label: "I-323 — bond breached" },
            { value: "I-391", label: "I-391 — bond cancelled" },
            { value: "I-305", label: "I-305 — receipt" },
            { value: "other", label: "Other" },
          ]}
        />
        <TextField name="servedOn" type="date" label="Served on" hint="The date on the notice or of delivery" />
        <SelectField
          name="servedBy"
          label="Served by"
          hint="Mail adds 3 days to an I-323 appeal"
          options={[
            { value: "mail", label: "Mail" },
            { value: "email", label: "Email" },
            { value: "in_person", label: "In person" },
          ]}
        />
      </div>
      <fieldset className="rounded-md border border-line p-3">
        <legend className="px-1 text-sm font-medium">I-340 only: when and where to deliver the person</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField name="deliveryDate" type="date" label="Delivery date" />
          <TextField name="deliveryTime" type="time" label="Delivery time" hint="As written on the notice" />
          <SelectField name="timeZone" label="Facility's time zone" options={ZONES} />
        </div>
        <TextField name="place" label="Place" className="mt-3" hint="The office on the notice (kept encrypted)" />
      </fieldset>
      <div>
        <label htmlFor="scan" className="block text-sm font-medium">
          Scan of the notice
        </label>
        <p className="text-xs text-muted">
          PDF, JPEG or PNG, up to 10 MB. Stored encrypted; only treasurers and admins can download it.
        </p>
        <input
          id="scan"
          name="scan"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          className="mt-1 block text-sm"
        />
      </div>
      <TextAreaField name="note" label="Note (optional)" max={1000} rows={2} />
      <SubmitButton>Record notice</SubmitButton>
    </ActionForm>
  );
}
