/**
 * Money given back to a donor, booked when Stripe takes it from our balance
 * (the refund is created). The campaign gives back what that gift put into it
 * and it still holds; the general pool bears the rest. A refund that later
 * fails is undone by a reversing entry (reverse-entry.ts), not by editing this.
 *
 *   campaign:<id> and/or general   debit  refunded amount
 *   stripe                         credit refunded amount
 */
import type { EntryInput, EntryLine } from "../entry-input";
import { totalOf, type EntryMeta } from "./entry-meta";

export function refundEntry(meta: EntryMeta, bornBy: EntryLine[]): EntryInput {
  return {
    ...meta,
    kind: "refund",
    debits: bornBy,
    credits: [{ account: "stripe", amount: totalOf(bornBy) }],
  };
}
