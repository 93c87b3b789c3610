"use client";
/** The obligor's fields, shared by the admin's fund profile and a treasurer's substitution. */
import { CheckboxField, TextField } from "@/app/components/staff/fields";

export function ObligorFields({
  withName = true,
  defaults = {},
}: {
  withName?: boolean;
  defaults?: Record<string, string>;
}) {
  return (
    <div className="space-y-3">
      {withName ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="name" label="Obligor's legal name" defaultValue={defaults.name} />
          <TextField
            name="representative"
            label="Authorised representative"
            hint="Who signs for the fund"
            defaultValue={defaults.representative}
          />
          <TextField
            name="cebondsEmail"
            type="email"
            label="CeBONDS account email"
            defaultValue={defaults.cebondsEmail}
          />
          <div className="self-end">
            <CheckboxField
              name="emailConsent"
              label="Consented to service of notices by email"
              defaultChecked={defaults.emailConsent === "true"}
            />
          </div>
        </div>
      ) : null}
      <AddressFields defaults={defaults} />
    </div>
  );
}

export function AddressFields({ defaults = {} }: { defaults?: Record<string, string> }) {
  return (
    <div className="grid gap-3 sm:grid-cols-4">
      <TextField name="line1" label="Street address" className="sm:col-span-2" defaultValue={defaults.line1} />
      <TextField name="line2" label="Suite, floor (optional)" className="sm:col-span-2" defaultValue={defaults.line2} />
      <TextField name="city" label="City" className="sm:col-span-2" defaultValue={defaults.city} />
      <TextField name="state" label="State" hint="Two letters" defaultValue={defaults.state} />
      <TextField name="zip" label="ZIP code" defaultValue={defaults.zip} />
    </div>
  );
}
