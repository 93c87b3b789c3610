/**
 * A dispute won: Stripe reinstates the withdrawn amount (not its dispute fee).
 * What comes back goes to the fund that bore it: the campaign first, up to
 * what the campaign paid in the dispute entry, the rest to the general pool.
 *
 *   stripe                         debit  reinstated net
 *   campaign:<id> and/or general   credit reinstated net
 */
import { campaignAccount } from "../accounts";
import type { EntryInput, EntryLine } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function disputeReversalEntry(
  meta: EntryMeta & { campaignId: string },
  netCents: number,
  campaignPaidCents: number,
): EntryInput {
  const toCampaign = Math.min(netCents, campaignPaidCents);
  const credits: EntryLine[] = [];
  if (toCampaign > 0) credits.push({ account: campaignAccount(meta.campaignId), amount: toCampaign });
  if (netCents > toCampaign) credits.push({ account: "general", amount: netCents - toCampaign });
  return { ...meta, kind: "dispute_reversal", debits: [{ account: "stripe", amount: netCents }], credits };
}
