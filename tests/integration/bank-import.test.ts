import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { stripePayouts } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { parseBankCsv } from "@/lib/reconciliation/bank-csv";
import { importBankCsv } from "@/lib/reconciliation/bank-import";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let treasurer: Principal, lawyer: Principal;
beforeAll(async () => {
  h = await createTestDb();
  treasurer = await principal(h.db, "t@bank.example", ["treasurer"]);
  lawyer = await principal(h.db, "l@bank.example", ["lawyer"]);
  await h.db.insert(stripePayouts).values([
    { id: "po_1", amountCents: 48_215, status: "paid", arrivalDate: new Date("2026-03-03T00:00:00Z") },
    { id: "po_2", amountCents: 12_000, status: "paid", arrivalDate: new Date("2026-03-10T00:00:00Z") },
  ]);
});
afterAll(async () => h?.close());

const CSV = `Date,Amount,Description,Balance
2026-03-04,482.15,STRIPE TRANSFER ST-X1Y2,1000.00
03/05/2026,(25.00),Monthly fee,975.00
2026-03-10,120.00,STRIPE TRANSFER ST-Z9,1095.00
2026-03-10,120.00,STRIPE TRANSFER ST-Z9,1215.00
`;

const lineCount = async () =>
  Number(rowsOf<{ n: number }>(await h.db.execute(sql`SELECT count(*)::int AS n FROM bank_statement_lines`))[0]!.n);

describe("bank statement import", () => {
  it("parses dates, signed and bracketed amounts, and keeps identical lines distinct", () => {
    const lines = parseBankCsv(CSV);
    expect(lines.map((l) => [l.postedOn, l.amountCents])).toEqual([
      ["2026-03-04", 48_215],
      ["2026-03-05", -2_500],
      ["2026-03-10", 12_000],
      ["2026-03-10", 12_000],
    ]);
    expect(new Set(lines.map((l) => l.fingerprint)).size).toBe(4);
  });

  it("imports, matches payouts one-to-one, and adds nothing when the same file comes again", async () => {
    expect(await importBankCsv(h.db, treasurer, { name: "march.csv", text: CSV })).toEqual({
      lines: 4,
      added: 4,
      duplicates: 0,
      matched: 2,
    });
    expect(await importBankCsv(h.db, treasurer, { name: "march-again.csv", text: CSV })).toEqual({
      lines: 4,
      added: 0,
      duplicates: 4,
      matched: 0,
    });
    expect(await lineCount()).toBe(4);
    const matched = rowsOf<{ matched_ref: string }>(
      await h.db.execute(
        sql`SELECT matched_ref FROM bank_statement_lines WHERE matched_ref IS NOT NULL ORDER BY matched_ref`,
      ),
    );
    expect(matched.map((m) => m.matched_ref)).toEqual(["po_1", "po_2"]);
  });

  it.each([
    ["a missing column", "Date,Amount\n2026-03-04,1.00\n", /needs a "description" column/],
    ["an impossible date", "date,amount,description\n2026-02-30,1.00,x\n", /Line 2: the date/],
    ["a bad amount", "date,amount,description\n2026-03-01,12.345,x\n", /Line 2: the amount/],
    ["a zero amount", "date,amount,description\n2026-03-01,0.00,x\n", /cannot be zero/],
    ["broken quoting", 'date,amount,description\n2026-03-01,1.00,"unterminated\n', /not valid CSV/],
    ["an empty file", "date,amount,description\n", /no statement lines/],
  ])("refuses %s with a clear message and writes nothing", async (_n, text, message) => {
    const before = await lineCount();
    await expect(importBankCsv(h.db, treasurer, { name: "bad.csv", text })).rejects.toThrow(message);
    expect(await lineCount()).toBe(before);
  });

  it("is for treasurers only", async () => {
    await expect(importBankCsv(h.db, lawyer, { name: "x.csv", text: CSV })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(importBankCsv(h.db, null, { name: "x.csv", text: CSV })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });
});
