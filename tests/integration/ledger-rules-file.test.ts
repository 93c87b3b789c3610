/** db/ledger-rules.sql is what the migrations define: regenerate it with `npm run db:ledger-rules` after a ledger migration. */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { renderLedgerRules } from "../../scripts/lib/ledger-rules";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => h?.close());

it("db/ledger-rules.sql matches the functions, triggers and constraints of a migrated database", async () => {
  const rendered = await renderLedgerRules(h.db);
  expect(rendered).toContain("CREATE OR REPLACE FUNCTION public.ledger_post_entry");
  expect(rendered).toContain("journal_entries_balanced");
  expect(readFileSync("db/ledger-rules.sql", "utf8")).toBe(rendered);
});
