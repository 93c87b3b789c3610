/**
 * Ledger writes for Stripe money. Every entry is keyed by a Stripe object id and
 * tagged with its PaymentIntent, so a payment's own history can be summed.
 */
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { journalEntries } from "@/db/schema";
import { campaignAccount, getBalance, postEntry, reverseEntry, type EntryInput, type EntryLine } from "@/lib/ledger";

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

export async function entryIdByKey(tx: Db, key: string): Promise<number | null> {
  const rows = await tx
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(eq(journalEntries.idempotencyKey, key));
  return rows[0]?.id ?? null;
}

export async function reverseOnce(tx: Db, originalKey: string, reversalKey: string, memo: string): Promise<void> {
  const original = await entryIdByKey(tx, originalKey);
  if (!original || (await entryIdByKey(tx, reversalKey))) return;
  await reverseEntry(tx, { entryId: original, idempotencyKey: reversalKey, memo });
}

/** What this payment has put into its campaign fund and not yet had drawn back (credit-normal cents). */
async function paymentShareOfCampaign(tx: Db, campaignId: string, paymentIntentId: string): Promise<number> {
  const [row] = rowsOf<{ share: string | number }>(
    await tx.execute(sql`
      SELECT coalesce(-sum(p.amount), 0)::bigint AS share
        FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
       WHERE p.account_code = ${campaignAccount(campaignId)} AND e.refs ->> 'payment_intent' = ${paymentIntentId}`),
  );
  return Number(row?.share ?? 0);
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

/** Sum debit lines by account, so one account appears once per entry. */
export function mergeLines(lines: EntryLine[]): EntryLine[] {
  const by = new Map<EntryLine["account"], number>();
  for (const l of lines) by.set(l.account, (by.get(l.account) ?? 0) + Number(l.amount));
  return [...by].filter(([, a]) => a > 0).map(([account, amount]) => ({ account, amount }));
}

/** Debit amount a posted entry put on one account (0 when absent). */
export async function debitOn(tx: Db, key: string, account: string): Promise<number> {
  const [row] = rowsOf<{ amount: string | number }>(
    await tx.execute(sql`
      SELECT coalesce(sum(p.amount), 0)::bigint AS amount
        FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
       WHERE e.idempotency_key = ${key} AND p.account_code = ${account}`),
  );
  return Number(row?.amount ?? 0);
}
