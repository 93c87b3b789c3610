/**
 * The ledger's rules as the migrations leave them, read back from a migrated
 * database: every ledger_* function, the triggers that call them, and the
 * constraints and indexes of the three ledger tables. Written to
 * db/ledger-rules.sql by `npm run db:ledger-rules`; a test keeps the file equal
 * to what the migrations define (the migrations stay the history).
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

const TABLES = ["ledger_accounts", "journal_entries", "ledger_postings"];

const HEADER = `-- The ledger's rules in one current file: GENERATED from db/migrations by
-- \`npm run db:ledger-rules\` (tests/integration/ledger-rules-file.test.ts fails when it is stale).
-- Do not edit: change the rules with a new migration, then regenerate.
-- What the rules mean: docs/chart-of-accounts.md.
`;

export async function renderLedgerRules(db: Db): Promise<string> {
  const tables = sql.join(
    TABLES.map((t) => sql`${t}`),
    sql`, `,
  );
  const constraints = rowsOf<{ tbl: string; name: string; def: string }>(
    await db.execute(sql`
      SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
        FROM pg_constraint c
       WHERE c.conrelid::regclass::text IN (${tables}) AND c.contype NOT IN ('t', 'n')
       ORDER BY 1, 2`),
  );
  const indexes = rowsOf<{ name: string; def: string }>(
    await db.execute(sql`
      SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE schemaname = 'public' AND tablename IN (${tables})
       ORDER BY tablename, indexname`),
  );
  const functions = rowsOf<{ name: string; def: string }>(
    await db.execute(sql`
      SELECT p.proname AS name, pg_get_functiondef(p.oid) AS def
        FROM pg_proc p
       WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'ledger\\_%'
       ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)`),
  );
  const triggers = rowsOf<{ name: string; def: string }>(
    await db.execute(sql`
      SELECT t.tgname AS name, pg_get_triggerdef(t.oid) AS def
        FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE NOT t.tgisinternal AND (p.proname LIKE 'ledger\\_%' OR t.tgrelid::regclass::text IN (${tables}))
       ORDER BY t.tgrelid::regclass::text, t.tgname`),
  );
  const out = [HEADER];
  out.push("-- Tables: constraints (columns: db/schema/ledger.ts)");
  for (const c of constraints) out.push(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def};`);
  out.push("", "-- Indexes");
  for (const i of indexes) out.push(`${i.def};`);
  out.push("", "-- Functions");
  for (const f of functions) out.push(`${f.def.trimEnd()};`, "");
  out.push("-- Triggers");
  for (const t of triggers) out.push(`${t.def};`);
  return `${out.join("\n").trimEnd()}\n`;
}
