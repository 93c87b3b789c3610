/** Translate PostgreSQL errors raised by the ledger's own constraints into typed application errors. */
import { AppError } from "@/lib/errors";

interface PgErrorLike {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  detail?: string;
  message?: string;
}

/** drizzle wraps driver errors (DrizzleQueryError.cause); postgres.js and PGlite name fields differently. */
export function pgErrorOf(e: unknown): PgErrorLike | null {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    const c = cur as PgErrorLike & { cause?: unknown };
    if (typeof c.code === "string" && /^[0-9A-Z]{5}$/.test(c.code)) return c;
    cur = c.cause;
  }
  return null;
}

function constraintOf(e: unknown): string | undefined {
  const pg = pgErrorOf(e);
  return pg?.constraint_name ?? pg?.constraint;
}

export function isSerializationOrDeadlock(e: unknown): boolean {
  const code = pgErrorOf(e)?.code;
  return code === "40001" || code === "40P01";
}

/** Map known ledger constraint failures; anything else is rethrown unchanged. */
export function mapLedgerDbError(e: unknown, context: { key: string }): never {
  const pg = pgErrorOf(e);
  const constraint = constraintOf(e);
  if (pg?.code === "23514" && constraint === "ledger_accounts_non_negative") {
    throw new AppError("insufficient_funds", `Entry ${context.key} would take a protected account below zero.`);
  }
  if (pg?.code === "23514" && constraint === "journal_entries_balanced") {
    throw new AppError("unbalanced_entry", `Entry ${context.key} does not balance.`);
  }
  if (pg?.code === "23505" && constraint === "journal_entries_reverses_entry_id_unique") {
    throw new AppError("already_reversed", `That entry has already been reversed (while posting ${context.key}).`);
  }
  throw e;
}
