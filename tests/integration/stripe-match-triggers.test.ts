/**
 * The stored Stripe match (migrations 0022, 0031) under the shapes an import really has: one
 * statement holding sources the books already have, sources they have not seen, a source twice
 * and transactions with no source; and imports racing the webhook's postings for the same new
 * Stripe objects (separate connections on PostgreSQL, serialised on PGlite). The stored rows must
 * equal a recomputation from the two sources every time.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { stripeBalanceTransactions, stripeMatch } from "@/db/schema";
import { campaignAccount, postEntry, type AccountCode } from "@/lib/ledger";
import { reconcileStripe, stripeMatchDrift } from "@/lib/reconciliation/stripe-match";
import { insertCampaign } from "../fixtures/campaigns";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let fund: AccountCode;
beforeAll(async () => {
  h = await createTestDb({ poolMax: 12 });
  fund = campaignAccount(await insertCampaign(h.db));
});
afterAll(async () => h?.close());

const book = (charge: string, cents: number) =>
  postEntry(h.db, {
    idempotencyKey: `gift:${charge}`,
    kind: "donation",
    debits: [{ account: "stripe", amount: cents }],
    credits: [{ account: fund, amount: cents }],
    refs: { charge },
  });

const bt = (id: string, sourceId: string | null, netCents: number) => ({
  id,
  payoutId: "po_triggers",
  type: sourceId ? "charge" : "adjustment",
  sourceId,
  amountCents: netCents,
  feeCents: 0,
  netCents,
  stripeCreatedAt: new Date(),
});

async function matchOf(sourceId: string) {
  const [row] = await h.db
    .select()
    .from(stripeMatch)
    .where(sql`${stripeMatch.sourceId} = ${sourceId}`);
  return row;
}

describe("the stored Stripe match", () => {
  it("adds one import statement's known, new, repeated and sourceless transactions exactly", async () => {
    await book("ch_known", 1_000);
    await h.db
      .insert(stripeBalanceTransactions)
      .values([
        bt("txn_known", "ch_known", 1_000),
        bt("txn_new_a", "ch_new", 300),
        bt("txn_new_b", "ch_new", 200),
        bt("txn_none", null, 50),
      ]);
    expect(await matchOf("ch_known")).toMatchObject({
      stripeNet: 1_000,
      stripeRows: 1,
      ledgerNet: 1_000,
      ledgerRows: 1,
    });
    expect(await matchOf("ch_new")).toMatchObject({ stripeNet: 500, stripeRows: 2, ledgerNet: 0, ledgerRows: 0 });
    expect(await stripeMatchDrift(h.db)).toBe(0);
    const r = await reconcileStripe(h.db);
    expect(r.exceptions.map((x) => [x.sourceId, x.kind])).toEqual([["ch_new", "missing_in_books"]]);
  });

  it("stays exact when imports and postings for the same new Stripe objects run at once", async () => {
    const charges = Array.from({ length: 24 }, (_, i) => ({ id: `ch_race_${i}`, cents: 100 + i }));
    // Three import statements overlap on every charge, each in a transaction held open a moment
    // so that they truly overlap on PostgreSQL; each charge is booked by the webhook meanwhile.
    const imports = [0, 1, 2].map((k) =>
      h.db.transaction(async (tx) => {
        await tx
          .insert(stripeBalanceTransactions)
          .values(charges.map((c) => bt(`txn_race_${k}_${c.id}`, c.id, c.cents)));
        await tx.execute(sql`SELECT pg_sleep(0.2)`);
      }),
    );
    await Promise.all([...imports, ...charges.map((c) => book(c.id, c.cents * 3))]);
    expect(await stripeMatchDrift(h.db)).toBe(0);
    for (const c of charges)
      expect(await matchOf(c.id)).toMatchObject({
        stripeNet: c.cents * 3,
        stripeRows: 3,
        ledgerNet: c.cents * 3,
        ledgerRows: 1,
      });
    const r = await reconcileStripe(h.db);
    expect(r.exceptions.map((x) => x.sourceId)).toEqual(["ch_new"]);
    expect(r.matched).toBe(1 + charges.length);
  });

  it("takes a deleted balance transaction back out of its match row", async () => {
    await h.db.delete(stripeBalanceTransactions).where(sql`${stripeBalanceTransactions.id} = 'txn_new_b'`);
    expect(await matchOf("ch_new")).toMatchObject({ stripeNet: 300, stripeRows: 1 });
    expect(await stripeMatchDrift(h.db)).toBe(0);
  });
});
