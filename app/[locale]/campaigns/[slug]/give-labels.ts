import { getTranslations } from "next-intl/server";
import type { FeeRates } from "@/lib/donations/fees";
import { formatMoney, formatPercentBps } from "@/lib/money";

/**
 * The donate form's words, translated on the server so the browser ships no
 * message catalogue. `{amount}`, `{fee}`, `{gift}`, `{total}` are left for the
 * form to fill in with what the donor chose.
 */
export async function giveLabels(locale: string, alias: string, rates: FeeRates) {
  const t = await getTranslations({ locale, namespace: "give" });
  const keep = (name: string) => `{${name}}`;
  return {
    title: t("title", { alias: `${alias}*` }),
    amount: t("amount"),
    other: t("other"),
    otherAmount: t("otherAmount"),
    frequency: t("frequency"),
    oneOff: t("oneOff"),
    monthly: t("monthly"),
    monthlyNote: t("monthlyNote"),
    coverFee: t("coverFee", { fee: keep("fee") }),
    coverFeeNoFigure: t("coverFeeNoFigure"),
    coverFeeHint: t("coverFeeHint", {
      rate: formatPercentBps(rates.card.percentBps, locale),
      fixed: formatMoney(rates.card.fixedCents, locale),
    }),
    coverFeeHintBank: t("coverFeeHintBank", {
      rate: formatPercentBps(rates.us_bank_account.percentBps, locale),
      cap: formatMoney(rates.us_bank_account.capCents ?? 0, locale),
    }),
    method: t("method"),
    methodCard: t("methodCard"),
    methodBank: t("methodBank"),
    bankFrom: t("bankFrom", { min: formatMoney(rates.achMinCents, locale, { wholeDollars: true }) }),
    bankSaves: t("bankSaves", { savings: keep("savings") }),
    bankPending: t("bankPending"),
    itemisedBank: t("itemisedBank", { gift: keep("gift"), fee: keep("fee"), total: keep("total") }),
    totalBank: t("totalBank", { total: keep("total") }),
    displayName: t("displayName"),
    displayNameHint: t("displayNameHint"),
    displayNameReview: t("displayNameReview"),
    anonymous: t("anonymous"),
    email: t("email"),
    emailHint: t("emailHint"),
    consent: t("consent"),
    consentHint: t("consentHint"),
    submit: t("submit"),
    submitAmount: t("submitAmount", { amount: keep("amount") }),
    submitMonthly: t("submitMonthly", { amount: keep("amount") }),
    submitting: t("submitting"),
    total: t("total", { total: keep("total") }),
    totalMonthly: t("totalMonthly", { total: keep("total") }),
    itemised: t("itemised", { gift: keep("gift"), fee: keep("fee"), total: keep("total") }),
    itemisedMonthly: t("itemisedMonthly", { gift: keep("gift"), fee: keep("fee"), total: keep("total") }),
  };
}
export type GiveLabels = Awaited<ReturnType<typeof giveLabels>>;
