/**
 * Model-based: random sequences of recording, reversing and depositing offline gifts (valid and
 * refused alike) against a plain model. After every sequence the trial balance is zero, undeposited
 * funds equal the recorded gifts neither deposited nor reversed, the campaign's figure and donor count
 * equal its unreversed gifts, and the running totals agree with the postings.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { bankStatementLines, campaigns } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { getBalance, trialBalance, verifyDonorCounts, verifyKindTotals } from "@/lib/ledger";
import { raisedByCampaign } from "@/lib/ledger/queries";
import { matchDeposit } from "@/lib/offline-gifts/match";
import { recordOfflineGift } from "@/lib/offline-gifts/record";
import { reverseOfflineGift } from "@/lib/offline-gifts/reverse";
import { importBankCsv } from "@/lib/reconciliation/bank-import";
import { insertCampaign } from "../../fixtures/campaigns";
import { principal } from "../../fixtures/people";
import { createTestDb } from "../../helpers/test-db";
import { daysFromToday } from "./helpers";

const RUNS = Number(process.env.OFFLINE_MODEL_RUNS ?? 30);

let h: DbHandle;
let treasurer: Principal;
beforeAll(async () => {
  h = await createTestDb();
  treasurer = await principal(h.db, "t@model.example", ["treasurer"]);
});
afterAll(async () => h?.close());

type Op =
  | { t: "record"; cents: number; toCampaign: boolean }
  | { t: "reverse"; i: number }
  | { t: "deposit"; picks: number[]; off: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant("record" as const),
    cents: fc.integer({ min: 1, max: 500_000 }),
    toCampaign: fc.boolean(),
  }),
  fc.record({ t: fc.constant("reverse" as const), i: fc.nat(20) }),
  fc.record({
    t: fc.constant("deposit" as const),
    picks: fc.uniqueArray(fc.nat(20), { minLength: 1, maxLength: 4 }),
    // 0: the line equals the picked gifts' sum; otherwise it is off by this many cents.
    off: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -100, max: 100 })),
  }),
);

interface Gift {
  id: string;
  cents: number;
  campaign: boolean;
  state: "undeposited" | "deposited" | "reversed";
}

async function bankLine(cents: number): Promise<string> {
  const desc = `DEPOSIT ${randomUUID()}`;
  const text = `date,amount,description\n${daysFromToday(0)},${(cents / 100).toFixed(2)},${desc}\n`;
  await importBankCsv(h.db, treasurer, { name: "m.csv", text });
  const [l] = await h.db.select().from(bankStatementLines).where(eq(bankStatementLines.description, desc));
  return l!.id;
}

async function run(ops: Op[]) {
  const campaignId = await insertCampaign(h.db);
  const startUndeposited = await getBalance(h.db, "undeposited_funds");
  const gifts: Gift[] = [];
  let ref = 0;
  const refused = async (p: Promise<unknown>) => {
    try {
      await p;
      return false;
    } catch (e) {
      if (!isAppError(e)) throw e;
      return true;
    }
  };
  for (const o of ops) {
    if (o.t === "record") {
      const r = await recordOfflineGift(h.db, treasurer, {
        method: "check",
        donorName: "Model Donor",
        amount: (o.cents / 100).toFixed(2),
        receivedOn: daysFromToday(-1),
        reference: `${campaignId.slice(0, 8)}-${ref++}`,
        campaign: o.toCampaign ? campaignId : "general",
      });
      gifts.push({ id: r.id, cents: o.cents, campaign: o.toCampaign, state: "undeposited" });
    } else if (o.t === "reverse") {
      const g = gifts[o.i % Math.max(1, gifts.length)];
      if (!g) continue;
      const wasRefused = await refused(reverseOfflineGift(h.db, treasurer, { giftId: g.id, reason: "model says so" }));
      expect(wasRefused).toBe(g.state !== "undeposited");
      if (!wasRefused) g.state = "reversed";
    } else {
      const picked = [...new Set(o.picks.map((i) => gifts[i % Math.max(1, gifts.length)]).filter(Boolean))] as Gift[];
      if (!picked.length) continue;
      const sum = picked.reduce((s, g) => s + g.cents, 0);
      const line = sum + o.off;
      if (line <= 0) continue;
      const lineId = await bankLine(line);
      const ok = o.off === 0 && picked.every((g) => g.state === "undeposited");
      const wasRefused = await refused(matchDeposit(h.db, treasurer, { lineId, giftIds: picked.map((g) => g.id) }));
      expect(wasRefused).toBe(!ok);
      if (ok) for (const g of picked) g.state = "deposited";
    }
  }
  const tb = await trialBalance(h.db);
  expect(tb.postingsSum).toBe(0);
  expect(tb.assets).toBe(tb.funds);
  const waiting = gifts.filter((g) => g.state === "undeposited").reduce((s, g) => s + g.cents, 0);
  expect(await getBalance(h.db, "undeposited_funds")).toBe(startUndeposited + waiting);
  const live = gifts.filter((g) => g.campaign && g.state !== "reversed");
  expect((await raisedByCampaign(h.db, eq(campaigns.id, campaignId))).get(campaignId)).toEqual({
    raised: live.reduce((s, g) => s + g.cents, 0),
    donors: live.length,
  });
  expect(await verifyKindTotals(h.db)).toEqual([]);
  expect(await verifyDonorCounts(h.db)).toEqual([]);
}

describe("offline gifts: record, reverse and deposit in any order", () => {
  it("keep the books balanced and undeposited funds equal to the gifts waiting", async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), run), { numRuns: RUNS });
  }, 300_000);
});
