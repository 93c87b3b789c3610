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
import type { EntryInput, EntryLine } from "../entry-input";
import { mergeLines, totalOf, type EntryMeta } from "./entry-meta";

export function offlineGiftEntry(meta: EntryMeta, amountCents: number): EntryInput {
  return {
    ...meta,
    kind: "offline_gift",
    debits: [{ account: UNDEPOSITED, amount: amountCents }],
    credits: [{ account: meta.campaignId ? campaignAccount(meta.campaignId) : "general", amount: amountCents }],
  };
}

/**
 * The bank returned a deposited check (it bounced): the gift never happened,
 * so it leaves what it was given to — its campaign for what the campaign
 * still holds, the general pool for the rest (a campaign that already paid a
 * bond cannot give back money it no longer has). The bank's side of the
 * return is depositReturnedEntry (deposit.ts), in the same transaction.
 *
 *   campaign:<id> and/or general   debit  the gift's amount, as `bornBy` splits it
 *   undeposited_funds              credit the gift's amount
 */
export function offlineGiftReturnedEntry(meta: EntryMeta, bornBy: EntryLine[]): EntryInput {
  const debits = mergeLines(bornBy);
  return {
    ...meta,
    kind: "offline_gift",
    debits,
    credits: [{ account: UNDEPOSITED, amount: totalOf(debits) }],
  };
}
