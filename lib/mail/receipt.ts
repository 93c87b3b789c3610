/**
 * Donation receipt text: the one source of the receipt's content. The mail body is these
 * lines, and the PDF (lib/receipts/receipt-pdf.ts) draws the same lines under its title.
 * Pure, so wording can be tested: it names the campaign only by its public alias (never
 * anything from the case file). The IRS content list (Publication 1771) is in docs/domain.md.
 */
import { formatMoney } from "@/lib/money";
import { RECEIPT_TEXT, receiptLanguage, type ReceiptWords } from "./receipt-words";

type DeductiblePolicy = "discretion" | "earmarked";

export interface ReceiptInput {
  locale: string;
  fundName: string;
  /** The fund's legal name and EIN as the IRS knows them (shown whenever set). */
  legalName?: string;
  ein?: string;
  fundAddress?: string;
  /** What the card was charged: the gift plus any fee cover. */
  amountCents: number;
  /** The part of the charge the donor added toward the payment's fees (0 or absent when none). */
  coverFeeCents?: number;
  /** What was later refunded (the receipt then says so). */
  refundedCents?: number;
  /** The public alias, without its asterisk (the receipt adds it, as every public page does); null: the general pool. */
  campaignAlias: string | null;
  /** How the gift was paid; absent means card (Stripe). A bank debit and offline gifts say so on the receipt. */
  method?: "card" | "bank" | "check" | "wire" | "cash" | "other";
  date: Date;
  /** The fund's time zone: the day printed is the day there (default UTC). */
  timeZone?: string;
  /** `true`/`false` are the older spelling of discretion/earmarked. */
  deductible: boolean | DeductiblePolicy;
  frequency: "one_off" | "monthly";
  /** For monthly gifts: where the donor stops future payments. */
  cancelUrl?: string;
}

export interface ReceiptText {
  subject: string;
  /** The PDF's heading. */
  title: string;
  text: string;
  lines: string[];
}

/** IRS Publication 1771: a single gift of $250 or more needs this written acknowledgment. */
const IRS_THRESHOLD_CENTS = 25_000;

function policyOf(d: ReceiptInput["deductible"]): DeductiblePolicy {
  return d === true || d === "discretion" ? "discretion" : "earmarked";
}

/** The fund's identity, the deductibility sentence and (from $250) the no-goods statement. */
export function acknowledgmentLines(
  t: ReceiptWords,
  r: Pick<ReceiptInput, "fundName" | "legalName" | "ein" | "fundAddress" | "deductible">,
  totalCents: number,
): string[] {
  const legal = r.legalName ?? r.fundName;
  return [
    ...(r.ein ? [t.organization(legal, r.ein)] : []),
    ...(r.fundAddress ? [r.fundAddress] : []),
    policyOf(r.deductible) === "discretion" ? t.deductible(legal) : t.notDeductible(legal),
    ...(totalCents >= IRS_THRESHOLD_CENTS ? [t.noGoods] : []),
  ];
}

export function formatDay(date: Date, locale: string, timeZone = "UTC"): string {
  const lang = receiptLanguage(locale) === "es" ? "es-US" : "en-US";
  return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone }).format(date);
}

export function buildReceipt(r: ReceiptInput): ReceiptText {
  const t = RECEIPT_TEXT[receiptLanguage(r.locale)];
  const cover = Math.max(0, Math.min(r.coverFeeCents ?? 0, r.amountCents));
  const refunded = Math.max(0, Math.min(r.refundedCents ?? 0, r.amountCents));
  const money = (c: number) => formatMoney(c, r.locale);
  const amount = money(r.amountCents - cover);
  const lines = [
    r.campaignAlias === null
      ? t.thanksGeneral(amount, r.fundName)
      : t.thanks(amount, `${r.campaignAlias}*`, r.fundName),
    ...(r.frequency === "monthly" ? [t.monthly] : []),
    "",
    `${t.amount}: ${cover > 0 ? (r.method === "bank" ? t.itemisedBank : t.itemised)(amount, money(cover), money(r.amountCents)) : amount}`,
    `${t.date}: ${formatDay(r.date, r.locale, r.timeZone)}`,
    ...(r.method && r.method !== "card" ? [`${t.paidBy}: ${t.methods[r.method]}`] : []),
    ...(refunded > 0 ? [t.refunded(money(refunded))] : []),
    "",
    ...acknowledgmentLines(t, r, r.amountCents),
    ...(r.frequency === "monthly" && r.cancelUrl ? ["", t.cancel(r.cancelUrl)] : []),
    "",
    t.keep,
  ];
  return { subject: t.subject(r.fundName), title: t.title, text: lines.join("\n"), lines };
}
