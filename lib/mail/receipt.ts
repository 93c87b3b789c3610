/**
 * Donation receipt text. Pure, so wording can be tested: it names the campaign
 * only by its public alias (never anything from the case file).
 */
import { formatMoney } from "@/lib/money";

export interface ReceiptInput {
  locale: string;
  fundName: string;
  /** What the card was charged: the gift plus any fee cover. */
  amountCents: number;
  /** The part of the charge the donor added toward card fees (0 or absent when none). */
  coverFeeCents?: number;
  /** The public alias, without its asterisk (the receipt adds it, as every public page does); null: the general pool. */
  campaignAlias: string | null;
  /** How the gift was paid; absent means card (Stripe). Offline gifts say so on the receipt. */
  method?: "card" | "check" | "wire" | "cash" | "other";
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
    thanksGeneral: (amount: string, fund: string) => `Thank you for your gift of ${amount} to ${fund}'s general fund.`,
    paidBy: "Paid by",
    methods: { card: "card", check: "check", wire: "wire transfer", cash: "cash", other: "other means" },
    monthly: "This is one payment of your monthly gift.",
    date: "Date",
    amount: "Amount",
    itemised: (gift: string, fee: string, total: string) => `Gift ${gift} + ${fee} toward card fees = ${total} charged`,
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
    thanksGeneral: (amount: string, fund: string) =>
      `Gracias por su donación de ${amount} al fondo general de ${fund}.`,
    paidBy: "Forma de pago",
    methods: {
      card: "tarjeta",
      check: "cheque",
      wire: "transferencia bancaria",
      cash: "efectivo",
      other: "otro medio",
    },
    monthly: "Este es un pago de su donación mensual.",
    date: "Fecha",
    amount: "Monto",
    itemised: (gift: string, fee: string, total: string) =>
      `Donación ${gift} + ${fee} para comisiones de tarjeta = ${total} cobrados`,
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
  const cover = Math.max(0, Math.min(r.coverFeeCents ?? 0, r.amountCents));
  const money = (c: number) => formatMoney(c, r.locale);
  const amount = money(r.amountCents - cover);
  const alias = r.campaignAlias === null ? null : `${r.campaignAlias}*`;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(r.date);
  const lines = [
    alias === null ? t.thanksGeneral(amount, r.fundName) : t.thanks(amount, alias, r.fundName),
    ...(r.frequency === "monthly" ? [t.monthly] : []),
    "",
    `${t.amount}: ${cover > 0 ? t.itemised(amount, money(cover), money(r.amountCents)) : amount}`,
    `${t.date}: ${date}`,
    ...(r.method && r.method !== "card" ? [`${t.paidBy}: ${t.methods[r.method]}`] : []),
    "",
    r.deductible ? t.deductible(r.fundName) : t.notDeductible(r.fundName),
    ...(r.amountCents >= IRS_THRESHOLD_CENTS ? [t.noGoods] : []),
    ...(r.frequency === "monthly" && r.cancelUrl ? ["", t.cancel(r.cancelUrl)] : []),
    "",
    t.keep,
  ];
  return { subject: t.subject(r.fundName), text: lines.join("\n") };
}
