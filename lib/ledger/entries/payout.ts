/**
 * Stripe pays our balance out to the bank, booked when Stripe reports the
 * payout paid. Money changes place, not purpose: no fund moves. A payout that
 * fails after being paid is reversed (reverse-entry.ts).
 *
 *   bank     debit  payout amount
 *   stripe   credit payout amount
 */
import type { EntryInput } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function payoutEntry(meta: EntryMeta, amountCents: number): EntryInput {
  return {
    ...meta,
    kind: "payout",
    debits: [{ account: "bank", amount: amountCents }],
    credits: [{ account: "stripe", amount: amountCents }],
  };
}
