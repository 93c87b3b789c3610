/**
 * A gift by check, wire, cash or other, recorded by a treasurer. The money is
 * the fund's from the day it is received, so it counts toward the campaign (or
 * the general pool) at once, but it sits in undeposited funds until the bank
 * line that deposits it is matched (deposit.ts). A recording mistake is
 * reversed (reverse-entry.ts) while the gift is still undeposited.
 *
 *   undeposited_funds          debit  amount
 *   campaign:<id> | general    credit amount
 */
import { campaignAccount, UNDEPOSITED } from "../accounts";
import type { EntryInput } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function offlineGiftEntry(meta: EntryMeta, amountCents: number): EntryInput {
  return {
    ...meta,
    kind: "offline_gift",
    debits: [{ account: UNDEPOSITED, amount: amountCents }],
    credits: [{ account: meta.campaignId ? campaignAccount(meta.campaignId) : "general", amount: amountCents }],
  };
}
