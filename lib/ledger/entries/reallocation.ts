/**
 * Restricted money released to the general pool: overfunding left in a
 * campaign once its bond is posted (I-305), or the consenting donors' gifts of
 * a campaign cancelled before its bond was paid. Money stays where it is;
 * only its purpose changes.
 *
 *   campaign:<id>   debit  amount
 *   general         credit amount
 */
import { campaignAccount } from "../accounts";
import type { EntryInput } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function reallocationEntry(meta: EntryMeta & { campaignId: string }, amountCents: number): EntryInput {
  return {
    ...meta,
    kind: "reallocation",
    debits: [{ account: campaignAccount(meta.campaignId), amount: amountCents }],
    credits: [{ account: "general", amount: amountCents }],
  };
}
