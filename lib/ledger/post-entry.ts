/**
 * The only function that writes journal entries. Atomic, idempotent under its
 * key, and safe under concurrency: accounts are locked in code order (no
 * deadlocks), sufficiency is checked under the locks, and the database's own
 * constraints back every rule.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { bonds, campaigns, journalEntries, ledgerAccounts, ledgerPostings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { formatUsd } from "@/lib/money";
import { isAssetAccount, parseDynamic } from "./accounts";
import { entryContentHash, type SignedPosting } from "./content-hash";
import { isSerializationOrDeadlock, mapLedgerDbError } from "./db-errors";
import { validateEntry, type EntryInput, type ValidEntry } from "./entry-input";

export interface PostResult {
  entryId: number;
  /** True when the key had already been posted with the same content; nothing was written. */
  replayed: boolean;
}

/** Post an entry. Inside an open transaction it uses a savepoint, so a refusal leaves the caller's transaction usable. */
export async function postEntry(db: Db, input: EntryInput): Promise<PostResult> {
  const entry = validateEntry(input);
  return writeEntry(db, entry, null);
}

/** Shared by postEntry and reverseEntry (which supplies the original entry's id). */
export async function writeEntry(db: Db, entry: ValidEntry, reversesEntryId: number | null): Promise<PostResult> {
  const hash = entryContentHash({ ...entry, reversesEntryId });
  // A deadlock victim's transaction was rolled back whole, so when we own the
  // transaction trying again is safe (the key makes it at most once). Locking in
  // code order does not rule deadlocks out: an account created on first use is
  // inserted after the others are locked, and the PostgreSQL suite on a loaded
  // 2-core machine also hit 40P01 with 100 concurrent spends of one fund.
  // Inside a caller's transaction the caller decides.
  const attempts = db instanceof PgTransaction ? 1 : MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOnce(db, entry, reversesEntryId, hash);
    } catch (e) {
      if (attempt >= attempts || !isSerializationOrDeadlock(e)) mapLedgerDbError(e, { key: entry.idempotencyKey });
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}

const MAX_ATTEMPTS = 5;

async function writeOnce(db: Db, entry: ValidEntry, reversesEntryId: number | null, hash: string): Promise<PostResult> {
  // Inside a caller's transaction the deferred balance check would fire at the
  // caller's commit; at top level our own commit follows at once and its error
  // maps to this entry all the same, so those two round trips are paid only when nested.
  const nested = db instanceof PgTransaction;
  return db.transaction(async (tx) => {
    // Insert first and look the key up only on conflict: a new key (the common
    // case) costs no pre-check round trip, and a replay or a conflicting key
    // still returns before any account is locked or checked.
    // .prepare(): drizzle sends unnamed queries with postgres.js's statement
    // cache off, so each one is parsed and planned again; a named one is
    // prepared once per connection and shape. (Needs session pooling if a
    // pooler ever sits in front.)
    const inserted = await tx
      .insert(journalEntries)
      .values({
        idempotencyKey: entry.idempotencyKey,
        kind: entry.kind,
        memo: entry.memo,
        contentHash: hash,
        reversesEntryId,
        campaignId: entry.campaignId ?? null,
        refs: entry.refs,
        ...(entry.effectiveAt ? { effectiveAt: entry.effectiveAt } : {}),
      })
      .onConflictDoNothing({ target: journalEntries.idempotencyKey })
      .returning({ id: journalEntries.id })
      .prepare("ledger_insert_entry")
      .execute();
    if (inserted.length === 0) {
      // Posted before, or by a concurrent request that committed first.
      const existing = await findByKey(tx, entry.idempotencyKey, hash);
      if (existing) return existing;
      throw new AppError("conflict", `Entry ${entry.idempotencyKey} could not be written; try again.`);
    }
    await lockAccounts(tx, entry);
    const entryId = inserted[0]!.id;
    await tx
      .insert(ledgerPostings)
      .values(orderForApply(entry.postings).map((p) => ({ entryId, accountCode: p.account, amount: p.amount })))
      .prepare("ledger_insert_postings")
      .execute();
    if (nested) {
      // Run the deferred balance check now, so a failure maps to this entry and not to the caller's commit.
      await tx.execute(sql`SET CONSTRAINTS journal_entries_balanced IMMEDIATE`);
      await tx.execute(sql`SET CONSTRAINTS journal_entries_balanced DEFERRED`);
    }
    return { entryId, replayed: false };
  });
}

async function findByKey(tx: Db, key: string, hash: string): Promise<PostResult | null> {
  const rows = await tx
    .select({ id: journalEntries.id, contentHash: journalEntries.contentHash })
    .from(journalEntries)
    .where(eq(journalEntries.idempotencyKey, key));
  const row = rows[0];
  if (!row) return null;
  if (row.contentHash !== hash) {
    throw new AppError(
      "idempotency_conflict",
      `Idempotency key ${key} was already used for a different entry (#${row.id}); nothing was written.`,
    );
  }
  return { entryId: row.id, replayed: true };
}

/**
 * Lock every touched account in code order, then check sufficiency. Campaign
 * and bond accounts are created by database triggers with their rows
 * (migration 0008), so the first select normally finds them all; the creation
 * below is a fallback, and since an inserted row is locked out of code order,
 * a deadlock there is retried by writeEntry.
 */
async function lockAccounts(tx: Db, entry: ValidEntry): Promise<void> {
  const codes = [...new Set(entry.postings.map((p) => p.account))].sort();
  let locked = await selectForUpdate(tx, codes);
  if (locked.length < codes.length) {
    const have = new Set(locked.map((a) => a.code));
    for (const code of codes.filter((c) => !have.has(c))) await createDynamicAccount(tx, code);
    locked = await selectForUpdate(tx, codes);
    const found = new Set(locked.map((a) => a.code));
    const missing = codes.filter((c) => !found.has(c));
    if (missing.length) {
      throw new AppError("unknown_account", `Unknown ledger account ${missing.join(", ")} in entry ${entry.idempotencyKey}.`);
    }
  }
  for (const acct of locked) {
    if (acct.allowNegative) continue;
    const net = entry.postings.filter((p) => p.account === acct.code).reduce((s, p) => s + acct.normalSign * p.amount, 0);
    if (acct.balance + net < 0) {
      throw new AppError(
        "insufficient_funds",
        `Not enough money in ${acct.code}: it holds ${formatUsd(acct.balance)}, entry ${entry.idempotencyKey} needs ${formatUsd(-net)}.`,
        { account: acct.code, balance: acct.balance, needed: -net },
      );
    }
  }
}

function selectForUpdate(tx: Db, codes: string[]) {
  return tx
    .select({
      code: ledgerAccounts.code,
      balance: ledgerAccounts.balance,
      normalSign: ledgerAccounts.normalSign,
      allowNegative: ledgerAccounts.allowNegative,
    })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.code, codes))
    .orderBy(ledgerAccounts.code)
    .for("update")
    .prepare("ledger_lock_accounts")
    .execute();
}

async function createDynamicAccount(tx: Db, code: string): Promise<void> {
  const dyn = parseDynamic(code);
  if (!dyn) return; // a fixed account that is missing is reported by the caller
  if (dyn.type === "campaign") {
    const found = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, dyn.id));
    if (!found.length) return;
    await tx
      .insert(ledgerAccounts)
      .values({ code, kind: "fund", normalSign: -1, allowNegative: false, campaignId: dyn.id })
      .onConflictDoNothing({ target: ledgerAccounts.code });
  } else {
    const found = await tx.select({ id: bonds.id }).from(bonds).where(eq(bonds.id, dyn.id));
    if (!found.length) return;
    await tx
      .insert(ledgerAccounts)
      .values({ code, kind: "asset", normalSign: 1, allowNegative: false, bondId: dyn.id })
      .onConflictDoNothing({ target: ledgerAccounts.code });
  }
}

/**
 * The posting trigger checks each account after every row, so within one entry
 * apply the postings that raise an account's normal balance before those that
 * lower it: the result is the same as applying the net.
 */
function orderForApply(postings: SignedPosting[]): SignedPosting[] {
  const raises = (p: SignedPosting) => (isAssetAccount(p.account) ? p.amount > 0 : p.amount < 0);
  return [...postings.filter(raises), ...postings.filter((p) => !raises(p))];
}
