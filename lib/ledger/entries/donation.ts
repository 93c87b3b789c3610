/**
 * A gift: Stripe reports a donor's charge as succeeded. The gross amount
 * arrives in the fund's Stripe balance (asset `stripe`) and is restricted to
 * the campaign the donor chose (fund `campaign:<id>`). The card fee is a
 * separate entry (processing-fee.ts), posted once Stripe reports it.
 *
 *   stripe            debit  gross
 *   campaign:<id>     credit gross
 *
 * See docs/chart-of-accounts.md.
 */
import { campaignAccount } from "../accounts";
import type { EntryInput } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function donationEntry(meta: EntryMeta & { campaignId: string }, grossCents: number): EntryInput {
  return {
    ...meta,
    kind: "donation",
    debits: [{ account: "stripe", amount: grossCents }],
    credits: [{ account: campaignAccount(meta.campaignId), amount: grossCents }],
  };
}
