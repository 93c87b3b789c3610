"use client";
/**
 * The one campaign form: a locked private case-file panel and the public panel,
 * visibly different, with "Save draft" and "Submit for review".
 */
import { MAX_STORY_CHARS, US_REGIONS } from "@/lib/campaigns/public-input";
import { ActionForm, SubmitButton, useFormStateContext } from "@/app/components/staff/action-form";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/app/components/staff/fields";
import { LockIcon } from "@/app/components/staff/lock-icon";
import { saveCampaignAction } from "./actions";

export type Values = Record<string, string | boolean | null | undefined>;

/** After the first save of a new campaign, later saves must update it, not create another. */
function CampaignIdInput({ initial }: { initial?: string }) {
  const { state } = useFormStateContext();
  return <input type="hidden" name="campaignId" value={state.savedId ?? initial ?? ""} />;
}

export function CampaignForm({ campaignId, values = {} }: { campaignId?: string; values?: Values }) {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  return (
    <ActionForm action={saveCampaignAction} label="Campaign" className="space-y-6">
      <CampaignIdInput initial={campaignId} />
      <div className="grid gap-6 lg:grid-cols-2">
        <PrivatePanel v={v} values={values} />
        <PublicPanel values={values} />
      </div>
      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-line bg-paper py-3">
        <SubmitButton name="intent" value="save" variant="secondary">
          Save draft
        </SubmitButton>
        <SubmitButton name="intent" value="submit">
          Submit for review
        </SubmitButton>
        <p className="text-xs text-muted">
          Submitting saves first, checks the public text against the case file, then sends it to a fund administrator.
        </p>
      </div>
    </ActionForm>
  );
}

function PrivatePanel({ v, values }: { v: (k: string) => string | undefined; values: Values }) {
  return (
    <fieldset className="rounded-lg border-2 border-dashed border-ink/40 bg-[#eef0f3] p-4" data-testid="private-panel">
      <legend className="flex items-center gap-2 rounded bg-ink px-2 py-1 text-sm font-semibold text-white">
        <LockIcon className="h-4 w-4 shrink-0" /> Private case file — encrypted; visible only to you and the fund&apos;s
        treasurers and administrators
      </legend>
      <p className="mb-3 mt-1 text-xs text-muted">
        Never published. Every read is recorded in the audit log. Needed to pay the bond.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="legalName" label="Legal name" defaultValue={v("legalName")} className="sm:col-span-2" />
        <TextField
          name="aNumber"
          label="A-number"
          hint="8 or 9 digits, like A123-456-789"
          defaultValue={v("aNumber")}
        />
        <TextField name="dateOfBirth" label="Date of birth" type="date" defaultValue={v("dateOfBirth")} />
        <TextField name="countryOfBirth" label="Country of birth" defaultValue={v("countryOfBirth")} />
        <TextField name="facility" label="Detention facility" defaultValue={v("facility")} />
        <SelectField
          name="bondSetBy"
          label="Bond set by"
          options={[
            { value: "judge", label: "Immigration judge" },
            { value: "ice", label: "ICE" },
          ]}
          defaultValue={v("bondSetBy")}
        />
        <SelectField
          name="bondType"
          label="Bond type"
          options={[
            { value: "delivery", label: "Delivery bond" },
            { value: "voluntary_departure", label: "Voluntary departure bond" },
          ]}
          defaultValue={v("bondType")}
        />
        <TextField
          name="bondAmount"
          label="Bond amount (US dollars)"
          hint="The campaign goal, e.g. 7,500"
          defaultValue={v("bondAmount")}
        />
        <TextField name="bondOrderDate" label="Bond order date" type="date" defaultValue={v("bondOrderDate")} />
        <TextField
          name="releaseAddress"
          label="Release address"
          hint="Where the person will live; ICE asks for it"
          defaultValue={v("releaseAddress")}
          className="sm:col-span-2"
        />
        <TextField name="releasePhone" label="Release phone" type="tel" defaultValue={v("releasePhone")} />
        <TextField name="consentDate" label="Consent date" type="date" defaultValue={v("consentDate")} />
        <div className="space-y-2 sm:col-span-2">
          <CheckboxField
            name="consentPublication"
            label="The client gave written consent to publish an anonymized campaign."
            defaultChecked={values.consentPublication === true}
          />
          <CheckboxField
            name="consentStory"
            label="The client consented to the story as written below."
            defaultChecked={values.consentStory === true}
          />
        </div>
      </div>
    </fieldset>
  );
}

export function PublicPanel({ values }: { values: Values }) {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  return (
    <fieldset className="rounded-lg border-2 border-brand bg-white p-4" data-testid="public-panel">
      <legend className="rounded bg-brand px-2 py-1 text-sm font-semibold text-white">
        Public page — anyone can read this after review
      </legend>
      <p className="mb-3 mt-1 text-xs text-muted">
        No name, A-number, birth date or country, facility, address or phone. The text is checked against the case file
        before review.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="alias" label="Alias" hint="Shown with a * on the public page" defaultValue={v("alias")} />
        <SelectField
          name="region"
          label="Region"
          options={US_REGIONS}
          defaultValue={v("region")}
          placeholder="Choose a state…"
        />
        <TextField
          name="summary"
          label="One-line summary"
          hint="At most 160 characters"
          defaultValue={v("summary")}
          className="sm:col-span-2"
        />
        <TextAreaField
          name="story"
          label="Story"
          max={MAX_STORY_CHARS}
          rows={10}
          defaultValue={v("story")}
          className="sm:col-span-2"
        />
        <TextField
          name="detentionMonth"
          label="Month of detention"
          type="month"
          hint="Month only, never a day"
          defaultValue={v("detentionMonth")}
        />
      </div>
    </fieldset>
  );
}
