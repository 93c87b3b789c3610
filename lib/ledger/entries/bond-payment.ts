/**
 * The fund pays a bond to DHS/ICE (ACH or Fedwire, after approval). The money
 * leaves the bank and becomes a receivable at ICE (asset `bond:<id>`); on the
 * fund side it leaves the campaign (and any agreed top-up leaves the general
 * pool) and is held as `bonds_outstanding` until ICE refunds or forfeits it.
 * Not a cost: the bond comes back with interest when the case ends.
 *
 *   bond:<id>           debit  bond amount
 *   campaign:<id>       debit  bond amount − top-up
 *   general             debit  top-up
 *   bank                credit bond amount
 *   bonds_outstanding   credit bond amount
 */
import { bondAccount, campaignAccount } from "../accounts";
import type { EntryInput, EntryLine } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function bondPaymentEntry(
  meta: EntryMeta & { campaignId: string },
  bond: { id: string; amountCents: number; topUpCents: number },
): EntryInput {
  const fromCampaign = bond.amountCents - bond.topUpCents;
  const debits: EntryLine[] = [{ account: bondAccount(bond.id), amount: bond.amountCents }];
  if (fromCampaign > 0) debits.push({ account: campaignAccount(meta.campaignId), amount: fromCampaign });
  if (bond.topUpCents > 0) debits.push({ account: "general", amount: bond.topUpCents });
  return {
    ...meta,
    kind: "bond_payment",
    debits,
    credits: [
      { account: "bank", amount: bond.amountCents },
      { account: "bonds_outstanding", amount: bond.amountCents },
    ],
  };
}
