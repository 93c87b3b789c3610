/**
 * The only function that writes journal entries. Atomic, idempotent under its
 * key, and safe under concurrency: the database function ledger_post_entry
 * (migrations 0010 and 0030) locks accounts in code order (no deadlocks), checks
 * sufficiency under the locks and writes the entry in one statement, and the
 * database's own constraints and triggers back every rule.
 * The rules: db/ledger-rules.sql; the accounts and entry kinds: docs/chart-of-accounts.md.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { rowsOf, type Db } from "@/db/client";
import { bonds, campaigns, ledgerAccounts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { formatUsd } from "@/lib/money";
import { isAssetAccount, parseDynamic } from "./accounts";
import { entryContentHash, type SignedPosting } from "./content-hash";
import { isSerializationOrDeadlock, mapLedgerDbError, pgErrorOf } from "./db-errors";
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
  // A deadlock or serialization victim's transaction was rolled back whole, so
  // when we own the transaction trying again is safe (the key makes it at most
  // once). Locks are taken in code order, but a caller's other writes, or an
  // account opened on first use, can still lock out of that order.
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
  const nested = db instanceof PgTransaction;
  // Postings in apply order (see orderForApply), as compact JSON for the function.
  const postings = JSON.stringify(orderForApply(entry.postings).map((p) => ({ a: p.account, n: p.amount })));
  const call = sql`SELECT entry_id, replayed FROM ledger_post_entry(
    ${entry.idempotencyKey}::text, ${entry.kind}::text, ${entry.memo}::text, ${hash}::text,
    ${reversesEntryId}::bigint, ${entry.campaignId ?? null}::uuid, ${JSON.stringify(entry.refs)}::jsonb,
    ${entry.effectiveAt ? entry.effectiveAt.toISOString() : null}::timestamptz, ${postings}::jsonb, ${nested}::boolean)`;
  try {
    // Top level: one statement, one round trip, its own transaction. Nested: a
    // savepoint, so a refusal leaves the caller's transaction usable.
    const result = nested ? await db.transaction((tx) => tx.execute(call)) : await db.execute(call);
    const row = rowsOf<{ entry_id: string | number; replayed: boolean }>(result)[0]!;
    return { entryId: Number(row.entry_id), replayed: row.replayed };
  } catch (e) {
    const pg = pgErrorOf(e);
    if (pg?.code === "OBL01") {
      throw new AppError(
        "idempotency_conflict",
        `Idempotency key ${entry.idempotencyKey} was already used for a different entry (#${pg.detail}); nothing was written.`,
      );
    }
    if (pg?.code === "OBL03") {
      const d = JSON.parse(pg.detail ?? "{}") as { account: string; balance: number; needed: number };
      throw new AppError(
        "insufficient_funds",
        `Not enough money in ${d.account}: it holds ${formatUsd(Number(d.balance))}, entry ${entry.idempotencyKey} needs ${formatUsd(Number(d.needed))}.`,
        { account: d.account, balance: Number(d.balance), needed: Number(d.needed) },
      );
    }
    if (pg?.code === "OBL02") {
      // Campaign and bond accounts are opened by triggers with their rows
      // (migration 0008); rows older than that, or a code for a row that does
      // not exist, land here. Open what can be opened and try once more.
      const missing = (pg.detail ?? "").split(",").filter(Boolean);
      const opened = await openMissingAccounts(db, missing);
      if (opened) return writeOnce(db, entry, reversesEntryId, hash);
      throw new AppError(
        "unknown_account",
        `Unknown ledger account ${missing.join(", ")} in entry ${entry.idempotencyKey}.`,
      );
    }
    throw e;
  }
}

/** Opens the dynamic accounts among `codes` whose campaign or bond exists; true when all of them now exist. */
async function openMissingAccounts(db: Db, codes: string[]): Promise<boolean> {
  if (!codes.length || codes.some((c) => !parseDynamic(c))) return false;
  for (const code of codes) await createDynamicAccount(db, code);
  const found = await db
    .select({ code: ledgerAccounts.code })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.code, codes));
  return found.length === codes.length;
}

async function createDynamicAccount(db: Db, code: string): Promise<void> {
  const dyn = parseDynamic(code);
  if (!dyn) return;
  if (dyn.type === "campaign") {
    const found = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, dyn.id));
    if (!found.length) return;
    await db
      .insert(ledgerAccounts)
      .values({ code, kind: "fund", normalSign: -1, allowNegative: false, campaignId: dyn.id })
      .onConflictDoNothing({ target: ledgerAccounts.code });
  } else {
    const found = await db.select({ id: bonds.id }).from(bonds).where(eq(bonds.id, dyn.id));
    if (!found.length) return;
    await db
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
