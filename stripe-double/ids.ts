import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Stripe-looking id: prefix + 24 base62 chars (url-safe, unguessable enough for a test double). */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = "";
  // Rejection-free modulo bias is irrelevant here: ids only need to be unique and opaque.
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}${out}`;
}

/** Map an id back to the object kind it names, the way expansion needs to. */
const ID_PREFIXES = {
  cs_test_: "checkout.session",
  pi_: "payment_intent",
  ch_: "charge",
  txn_: "balance_transaction",
  re_: "refund",
  dp_: "dispute",
  po_: "payout",
  in_: "invoice",
  inpay_: "invoice_payment",
  sub_: "subscription",
  evt_: "event",
  issfr_: "radar.early_fraud_warning",
} as const;

export type ObjectKind = (typeof ID_PREFIXES)[keyof typeof ID_PREFIXES];

export function kindOfId(id: string): ObjectKind | undefined {
  // Longest prefix first so `inpay_` wins over `in_`.
  const prefixes = Object.keys(ID_PREFIXES).sort((a, b) => b.length - a.length) as (keyof typeof ID_PREFIXES)[];
  const hit = prefixes.find((p) => id.startsWith(p));
  return hit ? ID_PREFIXES[hit] : undefined;
}
