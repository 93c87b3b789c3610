/**
 * A donor's bank disputes a charge and Stripe withdraws the disputed amount
 * plus its dispute fee from our balance. The amount is borne per
 * FUND_DISPUTE_BEARER (the general pool by default; the campaign up to what it
 * still holds from that gift otherwise); the dispute fee always falls on the
 * general pool. If the dispute is won, dispute-reversal.ts gives the money back.
 *
 *   bearer(s) of the amount, general for the fee   debit  amount + fee (one line per account)
 *   stripe                                          credit amount + fee
 */
import type { EntryInput, EntryLine } from "../entry-input";
import { mergeLines, totalOf, type EntryMeta } from "./entry-meta";

export function disputeEntry(meta: EntryMeta, amountBornBy: EntryLine[], disputeFeeCents: number): EntryInput {
  const fee: EntryLine[] = disputeFeeCents > 0 ? [{ account: "general", amount: disputeFeeCents }] : [];
  return {
    ...meta,
    kind: "dispute",
    debits: mergeLines([...amountBornBy, ...fee]),
    credits: [{ account: "stripe", amount: totalOf(amountBornBy) + disputeFeeCents }],
  };
}
