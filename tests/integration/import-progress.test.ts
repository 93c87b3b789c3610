/**
 * Long imports report progress: an import-run row is created when the import
 * starts, updated after every batch (committed, so another request can read it
 * while the import runs), and closed with a summary or the error. A treasurer
 * sees only their own runs; no one else sees any.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { latestImportRun } from "@/lib/reconciliation/import-runs";
import { AppError } from "@/lib/errors";
import { runBankImport, runStripeImport } from "@/lib/reconciliation/run-imports";
import { insertCampaign } from "../fixtures/campaigns";
import { startOneOffGift } from "../fixtures/gifts";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";
import { deliver, newDouble, routeToDb, seedReserve } from "../helpers/webhook-harness";

let h: DbHandle;
let t1: Principal, t2: Principal, lawyer: Principal;
const world = newDouble();

beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  t1 = await principal(h.db, "t1@ip.example", ["treasurer"]);
  t2 = await principal(h.db, "t2@ip.example", ["treasurer"]);
  lawyer = await principal(h.db, "l@ip.example", ["lawyer"]);
  await seedReserve(h.db);
  const campaign = await insertCampaign(h.db);
  for (let p = 0; p < 2; p++) {
    for (const amountCents of [2_500, 5_000, 7_500]) {
      const g = await startOneOffGift(h.db, world.stripe, campaign, { amountCents });
      world.double.completeCheckout(g.sessionId, "success");
    }
    world.double.createPayout();
  }
  await deliver(world.double.pendingEvents(), world.double.webhookSecret);
});
afterAll(async () => h?.close());

const lines = (n: number) =>
  [
    "date,amount,description",
    ...Array.from(
      { length: n },
      (_, i) =>
        `2026-02-${String((i % 28) + 1).padStart(2, "0")},-${(i % 90) + 1}.${String(i % 100).padStart(2, "0")},Card purchase ${i}`,
    ),
  ].join("\n");

describe("import progress", () => {
  it("records a bank import's progress after every batch of lines, then its summary", async () => {
    const seen: { status: string; done: number; total: number | null }[] = [];
    const r = await runBankImport(
      h.db,
      t1,
      { name: "feb.csv", text: lines(1_200) },
      {
        // Read as another request would, between batches.
        onProgress: async () => {
          const run = await latestImportRun(h.db, t1, "bank");
          seen.push({ status: run!.status, done: run!.done, total: run!.total });
        },
      },
    );
    expect(r).toMatchObject({ lines: 1_200, added: 1_200 });
    expect(seen).toEqual([
      { status: "running", done: 500, total: 1_200 },
      { status: "running", done: 1_000, total: 1_200 },
      { status: "running", done: 1_200, total: 1_200 },
    ]);
    const done = await latestImportRun(h.db, t1, "bank");
    expect(done).toMatchObject({
      status: "done",
      done: 1_200,
      total: 1_200,
      summary: "1200 line(s) read: 1200 new, 0 already imported, 0 matched.",
    });
    expect(done!.finishedAt).toBeInstanceOf(Date);
    // Statement descriptions never reach the run row.
    expect(JSON.stringify(done)).not.toContain("Card purchase");
  });

  it("refuses a malformed file before writing anything, the run row included", async () => {
    const count = async (table: string) =>
      Number(rowsOf<{ n: number }>(await h.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n);
    const before = [await count("bank_statement_lines"), await count("import_runs"), await count("bank_imports")];
    await expect(runBankImport(h.db, t1, { name: "bad.csv", text: "date,amount\n2026-03-04,1.00\n" })).rejects.toThrow(
      /needs a "description" column/,
    );
    expect([await count("bank_statement_lines"), await count("import_runs"), await count("bank_imports")]).toEqual(
      before,
    );
  });

  it("closes a run that fails midway with the reason", async () => {
    await expect(
      runBankImport(
        h.db,
        t1,
        { name: "midway.csv", text: lines(3) },
        {
          onProgress: () => {
            throw new AppError("unavailable", "The database went away midway.");
          },
        },
      ),
    ).rejects.toThrow(/went away midway/);
    expect(await latestImportRun(h.db, t1, "bank")).toMatchObject({
      status: "failed",
      summary: "The database went away midway.",
    });
  });

  it("records a Stripe import's progress per payout, then its summary", async () => {
    const seen: number[] = [];
    const r = await runStripeImport(h.db, world.stripe, t2, {
      onProgress: async () => {
        const run = await latestImportRun(h.db, t2, "stripe");
        expect(run!.status).toBe("running");
        seen.push(run!.done);
      },
    });
    expect(r.payouts).toBe(2);
    expect(seen.length).toBe(2);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[1]).toBe(r.transactions);
    expect(await latestImportRun(h.db, t2, "stripe")).toMatchObject({
      status: "done",
      done: r.transactions,
      total: null,
      summary: `Imported 2 payout(s) with ${r.transactions} balance transaction(s).`,
    });
  });

  it("shows each treasurer only their own runs, and no one else any", async () => {
    expect(await latestImportRun(h.db, t2, "bank")).toBeNull();
    expect(await latestImportRun(h.db, t1, "stripe")).toBeNull();
    await expect(latestImportRun(h.db, lawyer, "bank")).rejects.toMatchObject({ code: "forbidden" });
    await expect(latestImportRun(h.db, null, "bank")).rejects.toMatchObject({ code: "unauthorized" });
    await expect(latestImportRun(h.db, t1, "ledger")).rejects.toMatchObject({ code: "validation" });
    await expect(runBankImport(h.db, lawyer, { name: "x.csv", text: lines(2) })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await latestImportRun(h.db, t1, "bank")).toMatchObject({ status: "failed" });
  });
});
