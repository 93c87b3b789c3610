/**
 * Running totals the database keeps beside the ledger (migration 0017): per
 * account and entry kind, and donors per campaign. They must equal a recompute
 * from postings and donations after any history, change only through postings
 * and donation rows, and give the same public figures as summing postings did.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { donations, ENTRY_KINDS } from "@/db/schema";
import { raisedByCampaign } from "@/lib/ledger/queries";
import { isAppError } from "@/lib/errors";
import {
  campaignAccount,
  kindTotals,
  postEntry,
  reverseEntry,
  sumKinds,
  verifyDonorCounts,
  verifyKindTotals,
} from "@/lib/ledger";
import { insertCampaign } from "../fixtures/campaigns";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => h?.close());

async function refused(q: ReturnType<typeof sql>): Promise<string> {
  const e = await h.db.execute(q).then(
    () => null,
    (err: unknown) => err as Error & { cause?: Error },
  );
  expect(e, "expected the database to refuse").not.toBeNull();
  return String(e!.cause?.message ?? e!.message);
}

/** What summing postings gives, the way the public pages read "raised" before the totals existed. */
async function raisedFromPostings(campaignId: string): Promise<number> {
  const [r] = rowsOf<{ n: string | number }>(
    await h.db.execute(sql`
      SELECT coalesce(-sum(p.amount), 0)::bigint AS n FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
       WHERE p.account_code = ${campaignAccount(campaignId)} AND e.kind IN ('donation', 'refund', 'dispute', 'dispute_reversal')`),
  );
  return Number(r!.n);
}

describe("running totals per account and entry kind", () => {
  it("add up each kind on each account, reversals included, and read back on the normal side", async () => {
    const c = await insertCampaign(h.db);
    const acct = campaignAccount(c);
    const gift = (key: string, amount: number) =>
      postEntry(h.db, {
        idempotencyKey: key,
        kind: "donation",
        campaignId: c,
        debits: [{ account: "stripe", amount }],
        credits: [{ account: acct, amount }],
      });
    await gift(`rt-${c}-1`, 10_000);
    const second = await gift(`rt-${c}-2`, 2_500);
    await gift(`rt-${c}-1`, 10_000); // a replay adds nothing
    await postEntry(h.db, {
      idempotencyKey: `rt-${c}-fee`,
      kind: "processing_fee",
      campaignId: c,
      debits: [{ account: acct, amount: 320 }],
      credits: [{ account: "stripe", amount: 320 }],
    });
    await reverseEntry(h.db, { entryId: second.entryId, idempotencyKey: `rt-${c}-rev`, memo: "test" });
    const t = await kindTotals(h.db, [acct, "stripe"]);
    // The reversal carries its original's kind, so it nets the donation total.
    expect(Object.fromEntries(t.get(acct)!)).toEqual({ donation: 10_000, processing_fee: -320 });
    expect(sumKinds(t.get(acct), ["donation", "refund"])).toBe(10_000);
    expect(await verifyKindTotals(h.db)).toEqual([]);
    expect((await raisedByCampaign(h.db, undefined)).get(c)?.raised).toBe(await raisedFromPostings(c));
  });

  it("a refused post leaves no total behind", async () => {
    const c = await insertCampaign(h.db);
    const res = await postEntry(h.db, {
      idempotencyKey: `rt-${c}-overdraw`,
      kind: "refund",
      campaignId: c,
      debits: [{ account: campaignAccount(c), amount: 1 }],
      credits: [{ account: "stripe", amount: 1 }],
    }).catch((e: unknown) => e);
    expect(res).toMatchObject({ code: "insufficient_funds" });
    expect((await kindTotals(h.db, [campaignAccount(c)])).get(campaignAccount(c))!.size).toBe(0);
    expect(await verifyKindTotals(h.db)).toEqual([]);
  });

  it("refuses any change except through postings", async () => {
    for (const q of [
      sql`INSERT INTO ledger_kind_totals (account_code, kind, total, postings) VALUES ('stripe', 'adjustment', 1, 1)`,
      sql`UPDATE ledger_kind_totals SET total = total + 1`,
      sql`DELETE FROM ledger_kind_totals`,
      sql`TRUNCATE ledger_kind_totals`,
    ])
      expect(await refused(q)).toMatch(/ledger_kind_totals is kept by the database|append-only/);
    expect(await verifyKindTotals(h.db)).toEqual([]);
  });

  it("match a recompute after any history of posts, replays, reversals and refusals", async () => {
    const kinds = ENTRY_KINDS.filter((k) => k !== "interest");
    const step = fc.record({
      kind: fc.constantFrom(...kinds),
      from: fc.nat(2),
      to: fc.nat(2),
      amount: fc.integer({ min: 1, max: 9_000 }),
      replay: fc.boolean(),
      reverse: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const c = await insertCampaign(h.db);
        const accounts = ["stripe", "general", campaignAccount(c)] as const;
        const posted: number[] = [];
        for (const [i, s] of steps.entries()) {
          if (s.from === s.to) continue;
          const key = `rtp-${c}-${i}`;
          const entry = {
            idempotencyKey: key,
            kind: s.kind,
            campaignId: c,
            debits: [{ account: accounts[s.to]!, amount: s.amount }],
            credits: [{ account: accounts[s.from]!, amount: s.amount }],
          };
          const res = await postEntry(h.db, entry).catch((e: unknown) => e);
          if (isAppError(res)) {
            expect(res.code).toBe("insufficient_funds");
            continue;
          }
          const { entryId } = res as { entryId: number };
          posted.push(entryId);
          if (s.replay) expect(await postEntry(h.db, entry)).toMatchObject({ entryId, replayed: true });
          if (s.reverse) {
            const rev = await reverseEntry(h.db, { entryId, idempotencyKey: `rev-${key}`, memo: "p" }).catch(
              (e: unknown) => e,
            );
            if (isAppError(rev)) expect(rev.code).toBe("insufficient_funds");
          }
        }
        expect(await verifyKindTotals(h.db, [...accounts])).toEqual([]);
        expect((await raisedByCampaign(h.db, undefined)).get(c)?.raised).toBe(await raisedFromPostings(c));
      }),
      { numRuns: Number(process.env.RUNNING_TOTALS_RUNS ?? 40) },
    );
    expect(await verifyKindTotals(h.db)).toEqual([]);
  });
});

describe("donors per campaign", () => {
  it("follow each donation's status, campaign and deletion, and only at commit", async () => {
    const [c1, c2] = [await insertCampaign(h.db), await insertCampaign(h.db)];
    const donors = async () => {
      const m = await raisedByCampaign(h.db, undefined);
      return [m.get(c1)?.donors, m.get(c2)?.donors];
    };
    const id = randomUUID();
    await h.db.insert(donations).values({ id, campaignId: c1, amountCents: 5_000 });
    expect(await donors()).toEqual([0, 0]);
    const set = (v: Partial<typeof donations.$inferInsert>) =>
      h.db.update(donations).set(v).where(eq(donations.id, id));
    await set({ status: "succeeded" });
    expect(await donors()).toEqual([1, 0]);
    await set({ status: "partially_refunded", refundedCents: 1_000 });
    expect(await donors()).toEqual([1, 0]);
    await set({ campaignId: c2 });
    expect(await donors()).toEqual([0, 1]);
    await set({ status: "refunded", refundedCents: 5_000 });
    expect(await donors()).toEqual([0, 0]);
    await h.db.insert(donations).values({ campaignId: c1, amountCents: 700, status: "succeeded" });
    await h.db
      .transaction(async (tx) => {
        await tx.insert(donations).values({ campaignId: c1, amountCents: 900, status: "succeeded" });
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await donors()).toEqual([1, 0]);
    await h.db.delete(donations).where(eq(donations.campaignId, c1));
    expect(await donors()).toEqual([0, 0]);
    expect(await verifyDonorCounts(h.db)).toEqual([]);
  });

  it("refuse any change except through donations", async () => {
    const c = await insertCampaign(h.db);
    await h.db.insert(donations).values({ campaignId: c, amountCents: 700, status: "succeeded" });
    for (const q of [
      sql`UPDATE campaign_donor_counts SET donors = donors + 1`,
      sql`DELETE FROM campaign_donor_counts`,
      sql`INSERT INTO campaign_donor_counts (campaign_id, donors) VALUES (${randomUUID()}, 1)`,
    ])
      expect(await refused(q)).toMatch(/campaign_donor_counts is kept by the database|violates/);
    expect(await verifyDonorCounts(h.db)).toEqual([]);
  });
});
