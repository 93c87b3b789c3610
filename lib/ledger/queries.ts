/**
 * Every read of the books outside lib/ledger goes through here (balances of
 * single accounts: balances.ts). Each function is named for what it answers;
 * the SQL is the ledger's, so an index or a running total changes one place.
 */
import { and, asc, eq, gt, isNotNull, isNull, like, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { bonds, campaigns, journalEntries, ledgerAccounts, ledgerPostings } from "@/db/schema";
import { campaignAccount, type AccountCode } from "./accounts";

export * from "./report-queries";

type Num = string | number;

/** The id of the entry posted under `key`, or null. */
export async function entryIdByKey(db: Db, key: string): Promise<number | null> {
  const rows = await db
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(eq(journalEntries.idempotencyKey, key));
  return rows[0]?.id ?? null;
}

/** The bond's payment entry in force (not a reversal, not reversed) with its signed postings, or null. */
export async function currentBondPayment(db: Db, bondId: string) {
  const [entry] = await db
    .select({ id: journalEntries.id, campaignId: journalEntries.campaignId, refs: journalEntries.refs })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.kind, "bond_payment"),
        isNull(journalEntries.reversesEntryId),
        sql`${journalEntries.refs}->>'bond' = ${bondId}`,
        sql`NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = ${journalEntries.id})`,
      ),
    );
  if (!entry) return null;
  const postings = await db
    .select({ account: sql<AccountCode>`${ledgerPostings.accountCode}`, amount: ledgerPostings.amount })
    .from(ledgerPostings)
    .where(eq(ledgerPostings.entryId, entry.id));
  return { ...entry, postings };
}

/** How many entries were posted under keys starting with `prefix` (a counter of corrections). */
export async function entriesWithKeyPrefix(db: Db, prefix: string): Promise<number> {
  const [row] = rowsOf<{ n: Num }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM journal_entries WHERE idempotency_key LIKE ${`${prefix}%`}`),
  );
  return Number(row?.n ?? 0);
}

/** What one payment has put into its campaign fund and not yet had drawn back (credit-normal cents). */
export async function paymentShareOfCampaign(db: Db, campaignId: string, paymentIntentId: string): Promise<number> {
  const [row] = rowsOf<{ share: Num }>(
    await db.execute(sql`
      SELECT coalesce(-sum(p.amount), 0)::bigint AS share
        FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
       WHERE p.account_code = ${campaignAccount(campaignId)} AND e.refs ->> 'payment_intent' = ${paymentIntentId}`),
  );
  return Number(row?.share ?? 0);
}

/** Debit amount a posted entry put on one account (0 when absent). */
export async function debitOn(db: Db, key: string, account: string): Promise<number> {
  const [row] = rowsOf<{ amount: Num }>(
    await db.execute(sql`
      SELECT coalesce(sum(p.amount), 0)::bigint AS amount
        FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
       WHERE e.idempotency_key = ${key} AND p.account_code = ${account}`),
  );
  return Number(row?.amount ?? 0);
}

/** The allowance account's balance and version, locked for this transaction (one adjustment at a time). */
export async function allowanceAccount(tx: Db): Promise<{ balance: number; version: number }> {
  const [a] = await tx
    .select({ balance: ledgerAccounts.balance, version: ledgerAccounts.version })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.code, "bond_allowance"))
    .for("update");
  return { balance: a?.balance ?? 0, version: a?.version ?? 0 };
}

/** Open bonds with their receivable as the ledger holds it (the allowance and the aging report). */
export async function receivables(
  db: Db,
): Promise<{ bondId: string; since: string; principalCents: number; postedOn: string | null; claimed: boolean }[]> {
  const rows = await db
    .select({
      bondId: bonds.id,
      postedOn: bonds.postedOn,
      paidOn: bonds.paidOn,
      status: bonds.status,
      balance: ledgerAccounts.balance,
    })
    .from(ledgerAccounts)
    .innerJoin(bonds, eq(bonds.id, ledgerAccounts.bondId))
    .where(and(isNotNull(ledgerAccounts.bondId), gt(ledgerAccounts.balance, 0)));
  return rows.map((r) => ({
    bondId: r.bondId,
    since: r.postedOn ?? r.paidOn!,
    principalCents: r.balance,
    postedOn: r.postedOn,
    claimed: r.status === "refund_claimed",
  }));
}

/** Campaign funds holding money, by alias (treasury dashboard). */
/**
 * The campaign funds holding money, by alias: the first `limit`, and how many hold money in all
 * and how much (one query; `count(*) OVER ()` and `sum() OVER ()` see every row before the limit).
 */
export async function campaignFundsHoldingMoney(db: Db, limit: number) {
  const rows = await db
    .select({
      code: ledgerAccounts.code,
      cents: ledgerAccounts.balance,
      alias: campaigns.alias,
      slug: campaigns.slug,
      count: sql<number>`count(*) over ()`.mapWith(Number),
      total: sql<string>`sum(${ledgerAccounts.balance}) over ()`.mapWith(Number),
    })
    .from(ledgerAccounts)
    .innerJoin(campaigns, eq(campaigns.id, ledgerAccounts.campaignId))
    .where(gt(ledgerAccounts.balance, 0))
    .orderBy(asc(campaigns.alias), asc(ledgerAccounts.code))
    .limit(limit);
  return {
    funds: rows.map(({ code, cents, alias, slug }) => ({ code, cents, alias, slug })),
    count: rows[0]?.count ?? 0,
    totalCents: rows[0]?.total ?? 0,
  };
}

/** Sum of the bond receivables: money at ICE. */
export async function atIceTotal(db: Db): Promise<number> {
  const [atIceSum] = await db
    .select({ cents: sql<string>`coalesce(sum(${ledgerAccounts.balance}), 0)` })
    .from(ledgerAccounts)
    .where(like(ledgerAccounts.code, "bond:%"));
  return Number(atIceSum?.cents ?? 0);
}

/**
 * The campaign's headline figure ("raised" on every page): what the campaign holds toward its
 * bond — gifts net of card fees, refunds and lost disputes (and less any extra passed to the
 * general pool) — plus what it already paid to ICE. It is the campaign account's balance with its
 * bond payments added back.
 */
const PAID_TO_ICE_KINDS = sql`('bond_payment')`;

/** The headline figure and donor count per campaign matching `where` (public pages and staff read models). */
export async function raisedByCampaign(
  db: Db,
  where: SQL | undefined,
): Promise<Map<string, { raised: number; donors: number }>> {
  // From the running totals the database keeps (ledger_kind_totals, campaign_donor_counts): flat in data size.
  const rows = rowsOf<{ id: string; raised: Num; donors: Num }>(
    await db.execute(sql`
      SELECT campaigns.id,
             coalesce((SELECT -sum(t.total) FROM ledger_kind_totals t
                        WHERE t.account_code = 'campaign:' || campaigns.id::text AND t.kind NOT IN ${PAID_TO_ICE_KINDS}), 0)::bigint AS raised,
             coalesce((SELECT d.donors FROM campaign_donor_counts d WHERE d.campaign_id = campaigns.id), 0)::bigint AS donors
        FROM campaigns WHERE ${where ?? sql`true`}`),
  );
  return new Map(rows.map((r) => [r.id, { raised: Number(r.raised), donors: Number(r.donors) }]));
}

/** Stripe payouts on their way (pending, in transit) whose payout entry the books have not posted yet. */
export async function payoutsNotBooked(db: Db): Promise<{ id: string; cents: number }[]> {
  const rows = rowsOf<{ id: string; amount: Num }>(
    await db.execute(sql`
      SELECT p.id, p.amount_cents AS amount FROM stripe_payouts p
       WHERE p.status IN ('pending', 'in_transit')
         AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.idempotency_key = 'payout:' || p.id)`),
  );
  return rows.map((p) => ({ id: p.id, cents: Number(p.amount) }));
}

/** What demo data (entries keyed `seed:…`, lib/seed) booked straight to the `stripe` account. */
export async function seededStripeCents(db: Db): Promise<number> {
  const [row] = rowsOf<{ cents: Num | null }>(
    await db.execute(sql`
      SELECT sum(p.amount)::bigint AS cents FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
       WHERE p.account_code = 'stripe' AND e.idempotency_key LIKE 'seed:%'`),
  );
  return Number(row?.cents ?? 0);
}
