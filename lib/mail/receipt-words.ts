/** The receipt's and year-end statement's wording, English and Spanish (lib/mail/receipt.ts, lib/receipts/statement.ts). */

export type ReceiptLanguage = "en" | "es";

export function receiptLanguage(locale: string): ReceiptLanguage {
  return locale.toLowerCase().startsWith("es") ? "es" : "en";
}

const en = {
  subject: (fund: string) => `Your gift to ${fund}: thank you`,
  title: "Donation receipt",
  thanks: (amount: string, alias: string, fund: string) =>
    `Thank you for your gift of ${amount} to ${fund}, for the campaign "${alias}".`,
  thanksGeneral: (amount: string, fund: string) => `Thank you for your gift of ${amount} to ${fund}'s general fund.`,
  paidBy: "Paid by",
  methods: {
    card: "card",
    bank: "bank debit (ACH)",
    check: "check",
    wire: "wire transfer",
    cash: "cash",
    other: "other means",
  },
  monthly: "This is one payment of your monthly gift.",
  date: "Date",
  amount: "Amount",
  itemised: (gift: string, fee: string, total: string) => `Gift ${gift} + ${fee} toward card fees = ${total} charged`,
  itemisedBank: (gift: string, fee: string, total: string) =>
    `Gift ${gift} + ${fee} toward bank payment fees = ${total} charged`,
  refunded: (amount: string) => `Refunded: ${amount}. A refunded amount is not a contribution.`,
  organization: (legal: string, ein: string) => `${legal} · EIN ${ein}`,
  deductible: (legal: string) =>
    `${legal} keeps full discretion and control over the use of your gift; it is tax-deductible to the extent allowed by law.`,
  notDeductible: (legal: string) =>
    `Your gift is earmarked for the bond of a named person, so gifts to ${legal} are not tax-deductible.`,
  noGoods: "No goods or services were provided in exchange for this contribution.",
  cancel: (url: string) => `To stop your monthly gift at any time: ${url}`,
  keep: "Please keep this email for your records.",
  // Year-end statement
  statementSubject: (fund: string, year: number) => `Your ${year} year-end giving statement from ${fund}`,
  statementTitle: (year: number) => `Year-end giving statement ${year}`,
  statementIntro: (count: number, year: number, fund: string) =>
    `Thank you. These are your ${count} gift(s) to ${fund} in ${year}:`,
  statementRow: (date: string, alias: string, amount: string) => `${date} · "${alias}" · ${amount}`,
  statementRefunded: (amount: string) => `(refunded ${amount})`,
  statementTotal: (amount: string) => `Total contributed, after refunds: ${amount}`,
  statementFor: (email: string) => `Statement for: ${email}`,
  /** A gift to the general pool, where a campaign's alias would be. */
  generalFund: "General fund",
  statementAttached: "The statement is attached as a PDF. Please keep it for your records.",
};

export type ReceiptWords = typeof en;

const es: ReceiptWords = {
  subject: (fund) => `Su donación a ${fund}: gracias`,
  title: "Recibo de donación",
  thanks: (amount, alias, fund) => `Gracias por su donación de ${amount} a ${fund}, para la campaña "${alias}".`,
  thanksGeneral: (amount, fund) => `Gracias por su donación de ${amount} al fondo general de ${fund}.`,
  paidBy: "Forma de pago",
  methods: {
    card: "tarjeta",
    bank: "débito bancario (ACH)",
    check: "cheque",
    wire: "transferencia bancaria",
    cash: "efectivo",
    other: "otro medio",
  },
  monthly: "Este es un pago de su donación mensual.",
  date: "Fecha",
  amount: "Monto",
  itemised: (gift, fee, total) => `Donación ${gift} + ${fee} para comisiones de tarjeta = ${total} cobrados`,
  itemisedBank: (gift, fee, total) => `Donación ${gift} + ${fee} para comisiones bancarias = ${total} cobrados`,
  refunded: (amount) => `Reembolsado: ${amount}. Un monto reembolsado no es una contribución.`,
  organization: (legal, ein) => `${legal} · EIN ${ein}`,
  deductible: (legal) =>
    `${legal} mantiene pleno control y discreción sobre el uso de su donación; es deducible de impuestos en la medida que permita la ley.`,
  notDeductible: (legal) =>
    `Su donación está destinada a la fianza de una persona determinada; por eso las donaciones a ${legal} no son deducibles de impuestos.`,
  noGoods:
    "No se proporcionaron bienes ni servicios a cambio de esta contribución. (No goods or services were provided in exchange for this contribution.)",
  cancel: (url) => `Para cancelar su donación mensual en cualquier momento: ${url}`,
  keep: "Guarde este correo para sus registros.",
  statementSubject: (fund, year) => `Su resumen anual de donaciones ${year} de ${fund}`,
  statementTitle: (year) => `Resumen anual de donaciones ${year}`,
  statementIntro: (count, year, fund) => `Gracias. Estas son sus ${count} donación(es) a ${fund} en ${year}:`,
  statementRow: (date, alias, amount) => `${date} · "${alias}" · ${amount}`,
  statementRefunded: (amount) => `(reembolsado ${amount})`,
  statementTotal: (amount) => `Total donado, después de reembolsos: ${amount}`,
  statementFor: (email) => `Resumen para: ${email}`,
  generalFund: "Fondo general",
  statementAttached: "El resumen va adjunto en PDF. Guárdelo para sus registros.",
};

export const RECEIPT_TEXT: Record<ReceiptLanguage, ReceiptWords> = { en, es };
