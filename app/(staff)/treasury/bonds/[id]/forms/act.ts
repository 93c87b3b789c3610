import type { BondForm } from "@/lib/bonds/bond-forms";
import type { BondDetail } from "@/lib/bonds/read-models";
import type { FieldSpec } from "@/app/components/staff/action-form";
import type { FormState } from "@/lib/forms/form-state";

/** The bond's server action bound to one of its forms (bond-forms.tsx binds it). */
export type BondAct = (form: BondForm) => (prev: FormState, fd: FormData) => Promise<FormState>;

/** A date field that defaults to today. */
export const dateField = (d: BondDetail, name: string, label: string): FieldSpec => ({
  name,
  label,
  type: "date",
  defaultValue: d.today,
});
