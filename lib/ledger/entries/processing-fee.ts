/**
 * Stripe's card fee on a gift, posted when the charge's balance transaction
 * exists (never estimated). Stripe keeps the fee out of our balance; the fund
 * that bears it (the campaign, up to what that gift gave it, then the general
 * pool, per FUND_FEE_BEARER) is reduced by the same amount.
 *
 *   campaign:<id> and/or general   debit  fee (the bearers' shares)
 *   stripe                         credit fee
 */
import type { EntryInput, EntryLine } from "../entry-input";
import { totalOf, type EntryMeta } from "./entry-meta";

export function processingFeeEntry(meta: EntryMeta, bornBy: EntryLine[]): EntryInput {
  return {
    ...meta,
    kind: "processing_fee",
    debits: bornBy,
    credits: [{ account: "stripe", amount: totalOf(bornBy) }],
  };
}
