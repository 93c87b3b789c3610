/**
 * Ledger writes for Stripe money. Every entry is keyed by a Stripe object id and
 * tagged with its PaymentIntent, so a payment's own history can be summed.
 * The postings themselves come from the builders in lib/ledger/entries/.
 */
import type { Db } from "@/db/client";
import { campaignAccount, getBalance, postEntry, reverseEntry, type EntryInput, type EntryLine } from "@/lib/ledger";
import { entryIdByKey, paymentShareOfCampaign } from "@/lib/ledger/queries";

/**
 * Post once per key. The content is computed from the state seen at the time,
 * which a later delivery may see differently (a fee now known, a campaign now
 * spent), so an existing key wins instead of raising an idempotency conflict.
 * Returns true when this call posted the entry.
 */
export async function postOnce(tx: Db, input: EntryInput): Promise<boolean> {
  if (await entryIdByKey(tx, input.idempotencyKey)) return false;
  await postEntry(tx, input);
  return true;
}

export async function reverseOnce(tx: Db, originalKey: string, reversalKey: string, memo: string): Promise<void> {
  const original = await entryIdByKey(tx, originalKey);
  if (!original || (await entryIdByKey(tx, reversalKey))) return;
  await reverseEntry(tx, { entryId: original, idempotencyKey: reversalKey, memo });
}

/**
 * Debit lines for a cost of one payment that its campaign bears. The campaign
 * pays out of what this payment gave it (never out of other donors' gifts, and
 * so independently of the order payments are processed), and only what the
 * fund still holds (money already paid to ICE cannot be refunded from it); the
 * general pool covers the rest.
 */
export async function campaignThenGeneral(
  tx: Db,
  campaignId: string,
  paymentIntentId: string,
  amount: number,
): Promise<EntryLine[]> {
  const share = await paymentShareOfCampaign(tx, campaignId, paymentIntentId);
  const held = await getBalance(tx, campaignAccount(campaignId));
  const fromCampaign = Math.max(0, Math.min(amount, share, held));
  const lines: EntryLine[] = [];
  if (fromCampaign > 0) lines.push({ account: campaignAccount(campaignId), amount: fromCampaign });
  if (amount > fromCampaign) lines.push({ account: "general", amount: amount - fromCampaign });
  return lines;
}
