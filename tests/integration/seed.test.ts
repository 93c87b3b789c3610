import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { listCampaignCards, PUBLIC_STATUSES } from "@/lib/campaigns/queries";
import { getBalance, trialBalance, verifyCachedBalances, verifyDonorCounts, verifyKindTotals } from "@/lib/ledger";
import { DEMO_CAMPAIGNS } from "@/lib/seed/demo-data";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => h?.close());

const entryCount = async () =>
  Number(rowsOf<{ n: number }>(await h.db.execute(sql`SELECT count(*)::int AS n FROM journal_entries`))[0]!.n);

describe("demo seed", () => {
  it("builds campaigns in every public state with balanced books", async () => {
    const res = await seedDemo(h.db, { now: new Date("2026-11-28T12:00:00Z") });
    expect(res.created).toBe(true);
    const cards = await listCampaignCards(h.db, PUBLIC_STATUSES);
    expect(new Set(cards.map((c) => c.status))).toEqual(new Set(["live", "funded", "bond_posted", "closed"]));
    for (const c of cards) {
      expect(c.raisedCents).toBeGreaterThan(0);
      expect(c.donorCount).toBeGreaterThan(0);
    }
    const live = await listCampaignCards(h.db);
    expect(live.map((c) => c.slug).sort()).toEqual(
      DEMO_CAMPAIGNS.filter((d) => d.status === "live")
        .map((d) => d.slug)
        .sort(),
    );
    const tb = await trialBalance(h.db);
    expect(tb.postingsSum).toBe(0);
    expect(tb.assets).toBe(tb.funds);
    expect(await verifyCachedBalances(h.db)).toEqual([]);
    expect(await verifyKindTotals(h.db)).toEqual([]);
    expect(await verifyDonorCounts(h.db)).toEqual([]);
    // One bond is out at ICE; the refunded one came back to the general pool.
    const tomas = DEMO_CAMPAIGNS.find((d) => d.bond === "posted")!;
    expect(await getBalance(h.db, "bonds_outstanding")).toBe(tomas.goalCents);
    expect(await getBalance(h.db, "general")).toBeGreaterThan(
      DEMO_CAMPAIGNS.find((d) => d.bond === "refunded")!.goalCents,
    );
  });

  it("is idempotent: a second run writes nothing", async () => {
    const before = await entryCount();
    expect((await seedDemo(h.db)).created).toBe(false);
    expect(await entryCount()).toBe(before);
  });

  it("leaves nothing behind when interrupted", async () => {
    const fresh = await createTestDb();
    try {
      // Simulate a crash half-way: the transaction is abandoned after the first campaign's entries.
      await fresh.db
        .transaction(async (tx) => {
          await seedDemo(tx);
          throw new Error("killed");
        })
        .catch(() => {});
      expect(
        Number(rowsOf<{ n: number }>(await fresh.db.execute(sql`SELECT count(*)::int AS n FROM campaigns`))[0]!.n),
      ).toBe(0);
      expect((await seedDemo(fresh.db)).created).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
