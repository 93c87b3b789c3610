/** Turning the donate form's fields into createCheckout input, shared by the server action and tests. */
import type { CheckoutFormInput } from "./checkout-input";
import { chosenAmountText } from "./give-amount";

const GIVE_FIELDS = [
  "preset",
  "other",
  "frequency",
  "paymentMethod",
  "coverFee",
  "displayName",
  "anonymous",
  "email",
  "redirectConsent",
] as const;
export type GiveValues = Partial<Record<(typeof GIVE_FIELDS)[number], string>>;

export function giveValues(form: FormData): GiveValues {
  const out: GiveValues = {};
  for (const f of GIVE_FIELDS) {
    const v = form.get(f);
    if (typeof v === "string") out[f] = v.slice(0, 200);
  }
  return out;
}

/** What the donor typed in Other wins over a preset (see chosenAmountText). */
export function toCheckoutInput(slug: string, locale: string, v: GiveValues): CheckoutFormInput {
  return {
    campaignSlug: slug,
    amount: chosenAmountText(v),
    frequency: v.frequency,
    paymentMethod: v.paymentMethod,
    coverFee: v.coverFee,
    displayName: v.displayName,
    anonymous: v.anonymous,
    email: v.email,
    redirectConsent: v.redirectConsent,
    locale,
  };
}
