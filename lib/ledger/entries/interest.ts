/**
 * Interest ICE pays on a refunded cash bond (what it paid above the
 * principal), received into the bank and added to the general pool.
 *
 *   bank      debit  interest
 *   general   credit interest
 */
import type { EntryInput } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function interestEntry(meta: EntryMeta, interestCents: number): EntryInput {
  return {
    ...meta,
    kind: "interest",
    debits: [{ account: "bank", amount: interestCents }],
    credits: [{ account: "general", amount: interestCents }],
  };
}
