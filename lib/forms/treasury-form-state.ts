/** What a staff form's server action returns: a message next to the form, and the values typed so nothing is lost on an error. */
export interface FormState {
  ok?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export const EMPTY_FORM: FormState = {};
