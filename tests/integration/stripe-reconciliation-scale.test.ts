/**
 * Reconciliation over thousands of generated balance transactions: the books
 * hold a matching entry for most of them; some are missing, some extra, some
 * differ by a cent. Every planted problem must be reported, and nothing else.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { stripeBalanceTransactions } from "@/db/schema";
import { campaignAccount, postEntry } from "@/lib/ledger";
import { reconcileStripe } from "@/lib/reconciliation/stripe-match";
import { insertCampaign } from "../fixtures/campaigns";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => h?.close());

const N = 2_000;

describe("Stripe reconciliation at scale", () => {
  it(`finds exactly the planted missing, extra and mismatched items among ${N} transactions`, async () => {
    const campaign = await insertCampaign(h.db);
    const plan = fc.sample(
      fc.record({
        gross: fc.integer({ min: 500, max: 50_000 }),
        fate: fc.constantFrom("ok", "ok", "ok", "ok", "ok", "ok", "ok", "missing", "extra", "differs"),
      }),
      { numRuns: N, seed: 42 },
    );
    const bts: (typeof stripeBalanceTransactions.$inferInsert)[] = [];
    let want = { missing: 0, extra: 0, differs: 0, matched: 0 };
    for (const [i, p] of plan.entries()) {
      const charge = `ch_gen_${i}`;
      const fee = Math.floor((p.gross * 29 + 500) / 1000) + 30;
      const net = p.gross - fee;
      if (p.fate !== "extra") {
        bts.push({
          id: `txn_gen_${i}`,
          payoutId: "po_gen",
          type: "charge",
          sourceId: charge,
          amountCents: p.gross,
          feeCents: fee,
          netCents: net,
          stripeCreatedAt: new Date(),
        });
      }
      if (p.fate !== "missing") {
        const bookedNet = p.fate === "differs" ? net - 1 : net;
        await postEntry(h.db, {
          idempotencyKey: `gen:${i}`,
          kind: "donation",
          campaignId: campaign,
          refs: { charge },
          debits: [{ account: "stripe", amount: bookedNet }],
          credits: [{ account: campaignAccount(campaign), amount: bookedNet }],
        });
      }
      want = { ...want, [p.fate === "ok" ? "matched" : p.fate]: want[p.fate === "ok" ? "matched" : p.fate] + 1 };
    }
    for (let i = 0; i < bts.length; i += 500)
      await h.db.insert(stripeBalanceTransactions).values(bts.slice(i, i + 500));
    const r = await reconcileStripe(h.db);
    const count = (k: string) => r.exceptions.filter((x) => x.kind === k).length;
    expect({
      matched: r.matched,
      missing: count("missing_in_books"),
      extra: r.pending.length,
      differs: count("amount_differs"),
    }).toEqual(want);
    expect(
      r.exceptions.filter((x) => x.kind === "amount_differs").every((x) => x.stripeNetCents - x.ledgerCents === 1),
    ).toBe(true);
  });
});
