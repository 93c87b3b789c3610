/**
 * Concurrency: on real PostgreSQL these posts run on separate connections at
 * once; on PGlite they are serialised by its single connection. Either way the
 * outcome must be the same.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { campaignAccount, getBalance, postEntry, trialBalance, verifyCachedBalances } from "@/lib/ledger";
import { insertCampaign } from "../fixtures/campaigns";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb({ poolMax: 20 });
});
afterAll(async () => h?.close());

describe("ledger under concurrent requests", () => {
  it("lets exactly one of 100 concurrent spends of a whole fund succeed", async () => {
    const campaign = await insertCampaign(h.db);
    const fund = campaignAccount(campaign);
    await postEntry(h.db, {
      idempotencyKey: `gift:${campaign}`,
      kind: "donation",
      debits: [{ account: "stripe", amount: 600_000 }],
      credits: [{ account: fund, amount: 600_000 }],
    });

    const attempts = Array.from({ length: 100 }, (_, i) =>
      postEntry(h.db, {
        idempotencyKey: `spend:${campaign}:${i}`,
        kind: "reallocation",
        debits: [{ account: fund, amount: 600_000 }],
        credits: [{ account: "general", amount: 600_000 }],
      }).catch((e: unknown) => e),
    );
    const results = await Promise.all(attempts);
    const ok = results.filter((r) => !isAppError(r));
    const refused = results.filter(isAppError);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(99);
    for (const r of refused) expect(r.code).toBe("insufficient_funds");
    expect(await getBalance(h.db, fund)).toBe(0);
  });

  it("never deadlocks when transfers cross between the same accounts in both directions", async () => {
    const [a, b] = [await insertCampaign(h.db), await insertCampaign(h.db)];
    const [fa, fb] = [campaignAccount(a), campaignAccount(b)];
    for (const [c, f] of [
      [a, fa],
      [b, fb],
    ] as const) {
      await postEntry(h.db, {
        idempotencyKey: `seed:${c}`,
        kind: "donation",
        debits: [{ account: "stripe", amount: 10_000 }],
        credits: [{ account: f, amount: 10_000 }],
      });
    }
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const [from, to] = i % 2 ? [fa, fb] : [fb, fa];
        // Each entry also touches `general` on both sides, so every entry locks three rows.
        return postEntry(h.db, {
          idempotencyKey: `cross:${a}:${i}`,
          kind: "reallocation",
          debits: [
            { account: from, amount: 100 },
            { account: "general", amount: 1 },
          ],
          credits: [
            { account: to, amount: 100 },
            { account: "general", amount: 1 },
          ],
        }).catch((e: unknown) => e);
      }),
    );
    const errors = results.filter((r) => r instanceof Error);
    expect(errors.map((e) => (e as Error).message)).toEqual([]);
    expect((await getBalance(h.db, fa)) + (await getBalance(h.db, fb))).toBe(20_000);
    expect(await verifyCachedBalances(h.db)).toEqual([]);
  });

  it("writes one entry when the same key is posted 50 times at once", async () => {
    const campaign = await insertCampaign(h.db);
    const entry = {
      idempotencyKey: `pi_same_${campaign}`,
      kind: "donation" as const,
      debits: [{ account: "stripe" as const, amount: 2_500 }],
      credits: [{ account: campaignAccount(campaign), amount: 2_500 }],
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => postEntry(h.db, entry)));
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await getBalance(h.db, campaignAccount(campaign))).toBe(2_500);
    const tb = await trialBalance(h.db);
    expect(tb.postingsSum).toBe(0);
    expect(tb.assets).toBe(tb.funds);
  });
});
