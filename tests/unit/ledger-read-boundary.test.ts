/**
 * The books are read through lib/ledger (queries.ts, report-queries.ts, balances.ts): no other
 * product module names the ledger's tables, so an index or a running total changes one place.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const LEDGER_TABLES =
  /\b(journalEntries|ledgerPostings|ledgerAccounts|journal_entries|ledger_postings|ledger_accounts)\b/;

it("no product module outside lib/ledger reads the ledger's tables", () => {
  const offenders = [...sources("app"), ...sources("lib")].filter(
    (file) => !file.startsWith(path.join("lib", "ledger") + path.sep) && LEDGER_TABLES.test(readFileSync(file, "utf8")),
  );
  expect(offenders).toEqual([]);
});
