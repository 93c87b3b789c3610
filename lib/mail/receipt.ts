/**
 * Donation receipt text. Pure, so wording can be tested: it names the campaign
 * only by its public alias (never anything from the case file).
 */
import { formatUsd } from "@/lib/money";

export interface ReceiptInput {
  locale: string;
  fundName: string;
  amountCents: number;
  campaignAlias: string;
  date: Date;
  deductible: boolean;
  frequency: "one_off" | "monthly";
  /** For monthly gifts: where the donor stops future payments. */
  cancelUrl?: string;
}

export interface ReceiptText {
  subject: string;
  text: string;
}

/** IRS Publication 1771: a single gift of $250 or more needs this written acknowledgment. */
const IRS_THRESHOLD_CENTS = 25_000;

const T = {
  en: {
    subject: (fund: string) => `Your gift to ${fund}: thank you`,
    thanks: (amount: string, alias: string, fund: string) =>
      `Thank you for your gift of ${amount} to ${fund}, for the campaign "${alias}".`,
    monthly: "This is one payment of your monthly gift.",
    date: "Date",
    amount: "Amount",
    deductible: (fund: string) =>
      `${fund} is a tax-exempt organization; your gift is tax-deductible to the extent allowed by law.`,
    notDeductible: (fund: string) => `Gifts to ${fund} are not tax-deductible.`,
    noGoods: "No goods or services were provided in exchange for this contribution.",
    cancel: (url: string) => `To stop your monthly gift at any time: ${url}`,
    keep: "Please keep this email for your records.",
  },
  es: {
    subject: (fund: string) => `Su donación a ${fund}: gracias`,
    thanks: (amount: string, alias: string, fund: string) =>
      `Gracias por su donación de ${amount} a ${fund}, para la campaña "${alias}".`,
    monthly: "Este es un pago de su donación mensual.",
    date: "Fecha",
    amount: "Monto",
    deductible: (fund: string) =>
      `${fund} es una organización exenta de impuestos; su donación es deducible en la medida que permita la ley.`,
    notDeductible: (fund: string) => `Las donaciones a ${fund} no son deducibles de impuestos.`,
    noGoods:
      "No se proporcionaron bienes ni servicios a cambio de esta contribución. (No goods or services were provided in exchange for this contribution.)",
    cancel: (url: string) => `Para cancelar su donación mensual en cualquier momento: ${url}`,
    keep: "Guarde este correo para sus registros.",
  },
} as const;

export function buildReceipt(r: ReceiptInput): ReceiptText {
  const t = r.locale.toLowerCase().startsWith("es") ? T.es : T.en;
  const lang = t === T.es ? "es-US" : "en-US";
  const amount = formatUsd(r.amountCents);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(r.date);
  const lines = [
    t.thanks(amount, r.campaignAlias, r.fundName),
    ...(r.frequency === "monthly" ? [t.monthly] : []),
    "",
    `${t.amount}: ${amount}`,
    `${t.date}: ${date}`,
    "",
    r.deductible ? t.deductible(r.fundName) : t.notDeductible(r.fundName),
    ...(r.amountCents >= IRS_THRESHOLD_CENTS ? [t.noGoods] : []),
    ...(r.frequency === "monthly" && r.cancelUrl ? ["", t.cancel(r.cancelUrl)] : []),
    "",
    t.keep,
  ];
  return { subject: t.subject(r.fundName), text: lines.join("\n") };
}
