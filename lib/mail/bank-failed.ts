/**
 * The mail a donor gets when their bank debit fails days after they gave. Pure,
 * so wording can be tested: the campaign is named only by its public alias.
 */
import { formatMoney } from "@/lib/money";

export interface BankFailedInput {
  locale: string;
  fundName: string;
  amountCents: number;
  campaignAlias: string;
  /** The campaign page, to try again. */
  retryUrl: string;
}

const T = {
  en: {
    subject: (fund: string) => `Your bank payment to ${fund} did not go through`,
    body: (amount: string, alias: string) =>
      `Your bank payment of ${amount} for the campaign "${alias}" was returned by your bank, so the gift was not made. Nothing was taken from your account, and no receipt will be sent for it.`,
    retry: (url: string) => `If you would still like to give, you can try again here: ${url}`,
    why: "Bank payments usually fail because of insufficient funds or account details that did not match. Your bank can tell you more.",
  },
  es: {
    subject: (fund: string) => `Su pago bancario a ${fund} no se completó`,
    body: (amount: string, alias: string) =>
      `Su banco devolvió su pago bancario de ${amount} para la campaña "${alias}", así que la donación no se realizó. No se tomó nada de su cuenta y no se enviará un recibo.`,
    retry: (url: string) => `Si aún desea donar, puede intentarlo de nuevo aquí: ${url}`,
    why: "Los pagos bancarios suelen fallar por fondos insuficientes o datos de cuenta que no coinciden. Su banco puede darle más información.",
  },
} as const;

export function buildBankFailedMail(m: BankFailedInput): { subject: string; text: string } {
  const t = m.locale.toLowerCase().startsWith("es") ? T.es : T.en;
  const text = [
    t.body(formatMoney(m.amountCents, m.locale), `${m.campaignAlias}*`),
    "",
    t.why,
    "",
    t.retry(m.retryUrl),
  ];
  return { subject: t.subject(m.fundName), text: text.join("\n") };
}
