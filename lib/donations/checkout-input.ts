/**
 * The donate form's input, validated once for the server action and the library.
 * Each problem names one field and carries a message key, so the form can show
 * it next to that field in the donor's language.
 */
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { formatUsd, parseUsd } from "@/lib/money";

import type { PaymentMethod } from "./fees";
import { MIN_GIFT_CENTS } from "./limits";

type Locale = "en" | "es";

type CheckoutField = "campaignSlug" | "amount" | "frequency" | "paymentMethod" | "displayName" | "email" | "locale";

/** English text for each problem; the UI translates by key and falls back to this. */
export const CHECKOUT_MESSAGES = {
  campaignMissing: () => "This campaign could not be found.",
  amountMissing: () => "Choose an amount or enter one.",
  amountFormat: () => "Enter an amount in dollars, like 25 or 25.50.",
  amountTooSmall: () => `The smallest gift we can accept is ${formatUsd(MIN_GIFT_CENTS, { wholeDollars: true })}.`,
  amountTooLarge: (max: number) =>
    `The largest gift we can take online is ${formatUsd(max, { wholeDollars: true })}. For more, please contact the fund.`,
  frequency: () => "Choose a one-time or a monthly gift.",
  displayName: () => "Keep the name for the donor wall under 60 characters.",
  emailFormat: () => "Enter an email address like name@example.org, or leave it empty.",
  emailRequiredMonthly: () => "A monthly gift needs an email address, for receipts and the link to stop it.",
  locale: () => "Choose English or Spanish.",
  paymentMethod: () => "Choose to pay by card or by bank account.",
  bankOff: () => "This fund does not take bank payments online. Please pay by card.",
  bankMonthly: () => "Monthly gifts are paid by card. Choose card, or make this a one-time gift.",
  bankTooSmall: (min: number) =>
    `Paying by bank is offered for gifts of ${formatUsd(min, { wholeDollars: true })} or more. Choose card, or give at least ${formatUsd(min, { wholeDollars: true })}.`,
} as const;
type CheckoutMessageKey = keyof typeof CHECKOUT_MESSAGES;

const flag = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim());

const raw = z.object({
  campaignSlug: z.string().max(120),
  /** A preset ("25") or what the donor typed ("$1,000.50"). */
  amount: z.string().max(40).optional(),
  frequency: z.string().optional(),
  paymentMethod: z.string().max(40).optional(),
  coverFee: flag,
  displayName: optionalText,
  anonymous: flag,
  email: optionalText,
  redirectConsent: flag,
  locale: z.string().optional(),
});
export type CheckoutFormInput = z.input<typeof raw>;

export interface CheckoutInput {
  campaignSlug: string;
  giftCents: number;
  frequency: "one_off" | "monthly";
  /** How the donor pays: card, or a bank debit (ACH, one-time gifts from FUND_ACH_MIN_CENTS). */
  paymentMethod: PaymentMethod;
  coverFee: boolean;
  /** null means "Anonymous" on the donor wall. */
  displayName: string | null;
  email: string | null;
  redirectConsent: boolean;
  locale: Locale;
}

function fail(field: CheckoutField, key: CheckoutMessageKey, message: string): never {
  throw new AppError("validation", message, { field, key });
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** Parse untrusted form values; throws AppError('validation') naming the first bad field. */
/** `achMinCents`: the smallest gift offered bank debit (0: bank debit is off). */
export function parseCheckoutInput(input: unknown, maxCents: number, achMinCents = 0): CheckoutInput {
  const r = raw.safeParse(input);
  if (!r.success) {
    const field = String(r.error.issues[0]?.path[0] ?? "amount") as CheckoutField;
    fail(field, field === "campaignSlug" ? "campaignMissing" : "amountFormat", `Please check the ${field} field.`);
  }
  const v = r.data;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.campaignSlug))
    fail("campaignSlug", "campaignMissing", CHECKOUT_MESSAGES.campaignMissing());
  const giftCents = parseAmount(v.amount ?? "", maxCents);
  const frequency = v.frequency ?? "one_off";
  if (frequency !== "one_off" && frequency !== "monthly") fail("frequency", "frequency", CHECKOUT_MESSAGES.frequency());
  const locale = v.locale ?? "en";
  if (locale !== "en" && locale !== "es") fail("locale", "locale", CHECKOUT_MESSAGES.locale());
  if (!v.anonymous && v.displayName.length > 60) fail("displayName", "displayName", CHECKOUT_MESSAGES.displayName());
  const email = v.email.toLowerCase();
  if (email && (email.length > 254 || !EMAIL.test(email)))
    fail("email", "emailFormat", CHECKOUT_MESSAGES.emailFormat());
  if (frequency === "monthly" && !email)
    fail("email", "emailRequiredMonthly", CHECKOUT_MESSAGES.emailRequiredMonthly());
  const paymentMethod = parseMethod(v.paymentMethod, giftCents, frequency, achMinCents);
  return {
    campaignSlug: v.campaignSlug,
    giftCents,
    frequency,
    paymentMethod,
    coverFee: v.coverFee,
    displayName: v.anonymous || !v.displayName ? null : v.displayName,
    email: email || null,
    redirectConsent: v.redirectConsent,
    locale,
  };
}

function parseAmount(text: string, maxCents: number): number {
  if (!text.trim()) fail("amount", "amountMissing", CHECKOUT_MESSAGES.amountMissing());
  let value: number;
  try {
    value = parseUsd(text, { max: Number.MAX_SAFE_INTEGER });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return fail("amount", "amountFormat", CHECKOUT_MESSAGES.amountFormat());
  }
  if (value < MIN_GIFT_CENTS) fail("amount", "amountTooSmall", CHECKOUT_MESSAGES.amountTooSmall());
  if (value > maxCents) fail("amount", "amountTooLarge", CHECKOUT_MESSAGES.amountTooLarge(maxCents));
  return value;
}

/** Bank debit only for one-time gifts from the fund's minimum; checked after the amount, so the message is about the method. */
function parseMethod(
  raw: string | undefined,
  giftCents: number,
  frequency: "one_off" | "monthly",
  achMinCents: number,
): PaymentMethod {
  const method = raw ?? "card";
  if (method === "card") return "card";
  if (method !== "us_bank_account") return fail("paymentMethod", "paymentMethod", CHECKOUT_MESSAGES.paymentMethod());
  if (achMinCents <= 0) fail("paymentMethod", "bankOff", CHECKOUT_MESSAGES.bankOff());
  if (frequency === "monthly") fail("paymentMethod", "bankMonthly", CHECKOUT_MESSAGES.bankMonthly());
  if (giftCents < achMinCents) fail("paymentMethod", "bankTooSmall", CHECKOUT_MESSAGES.bankTooSmall(achMinCents));
  return method;
}
