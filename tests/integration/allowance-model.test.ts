/**
 * Model-based test of the allowance for uncollectible bonds: random sequences of
 * bond payments, allowance adjustments, refunds (which release allowance the
 * remaining bonds cannot carry) and forfeitures (written off against the
 * allowance) run against the database and a plain model. After every step the
 * books agree with the model and the invariants hold: assets − allowance = net
 * assets, 0 ≤ allowance ≤ receivable, bonds outstanding = receivable − allowance.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { bonds } from "@/db/schema";
import { bondAccount, getBalances, postEntry, trialBalance, verifyCachedBalances } from "@/lib/ledger";
import { allowanceAdjustmentEntry } from "@/lib/ledger/entries/allowance-adjustment";
import { writeOffEntries } from "@/lib/ledger/entries/write-off";
import { allowanceAccount } from "@/lib/ledger/queries";
import { capAllowanceBefore } from "@/lib/recovery/allowance";
import { insertCampaign } from "../fixtures/campaigns";
import { createTestDb } from "../helpers/test-db";

const RUNS = Number(process.env.ALLOWANCE_MODEL_RUNS ?? 40);

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => h?.close());

type Op =
  | { t: "pay"; amount: number }
  | { t: "adjust"; pctOfGross: number }
  | { t: "refund"; pick: number }
  | { t: "forfeit"; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant("pay" as const), amount: fc.integer({ min: 1, max: 2_000_000 }) }),
  fc.record({ t: fc.constant("adjust" as const), pctOfGross: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ t: fc.constant("refund" as const), pick: fc.nat() }),
  fc.record({ t: fc.constant("forfeit" as const), pick: fc.nat() }),
);

let day = 0;
const asOf = () => new Date(Date.UTC(2026, 0, 1) + day++ * 86_400_000).toISOString().slice(0, 10);

describe("allowance entries against a ledger model", () => {
  it("keep the accounting equation, the bounds and the model's balances through any sequence", async () => {
    const db = h.db;
    const campaignId = await insertCampaign(db, { alias: "Model" });
    // Money to pay bonds with: a donation into the general pool (the model does not follow it).
    await postEntry(db, {
      idempotencyKey: "allowance-model:seed",
      kind: "donation",
      debits: [{ account: "bank", amount: 9_000_000_000 }],
      credits: [{ account: "general", amount: 9_000_000_000 }],
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        // Each run starts from whatever earlier runs left: read the model from the books.
        const open = new Map<string, number>();
        const start = await getBalances(db, ["bond_allowance"]);
        let allowance: number = start.get("bond_allowance")!;
        const startOpen = await db
          .select({ id: bonds.id, amount: bonds.amountCents, status: bonds.status })
          .from(bonds);
        const bal = await getBalances(
          db,
          startOpen.map((b) => bondAccount(b.id)),
        );
        for (const b of startOpen) if (bal.get(bondAccount(b.id))! > 0) open.set(b.id, bal.get(bondAccount(b.id))!);
        for (const o of ops) {
          const ids = [...open.keys()];
          const gross = [...open.values()].reduce((s, v) => s + v, 0);
          if (o.t === "pay") {
            const [b] = await db
              .insert(bonds)
              .values({ campaignId, amountCents: o.amount, status: "posted" })
              .returning({ id: bonds.id });
            await postEntry(db, {
              idempotencyKey: `allowance-model:pay:${b!.id}`,
              kind: "bond_payment",
              debits: [
                { account: bondAccount(b!.id), amount: o.amount },
                { account: "general", amount: o.amount },
              ],
              credits: [
                { account: "bank", amount: o.amount },
                { account: "bonds_outstanding", amount: o.amount },
              ],
            });
            open.set(b!.id, o.amount);
          } else if (o.t === "adjust") {
            const target = Math.floor((gross * o.pctOfGross) / 100);
            const { version } = await allowanceAccount(db);
            const e = allowanceAdjustmentEntry({ targetCents: target, currentCents: allowance, asOf: asOf(), version });
            if (target === allowance) expect(e).toBeNull();
            else {
              // Re-posting the same adjustment is a replay, never a second provision.
              await postEntry(db, e!);
              expect((await postEntry(db, e!)).replayed).toBe(true);
            }
            allowance = target;
          } else if (ids.length) {
            const id = ids[o.pick % ids.length]!;
            const amount = open.get(id)!;
            if (o.t === "refund") {
              await db.transaction(async (tx) => {
                await capAllowanceBefore(tx, amount, asOf());
                await postEntry(tx, {
                  idempotencyKey: `allowance-model:refund:${id}`,
                  kind: "bond_refund",
                  debits: [
                    { account: "bank", amount },
                    { account: "bonds_outstanding", amount },
                  ],
                  credits: [
                    { account: bondAccount(id), amount },
                    { account: "general", amount },
                  ],
                });
              });
              allowance = Math.min(allowance, gross - amount);
            } else {
              for (const e of writeOffEntries({
                bondId: id,
                campaignId,
                receivableCents: amount,
                allowanceCents: allowance,
                at: new Date(),
              }))
                await postEntry(db, e);
              allowance -= Math.min(allowance, amount);
            }
            open.delete(id);
          }
          const grossNow = [...open.values()].reduce((s, v) => s + v, 0);
          const books = await getBalances(db, [
            "bond_allowance",
            "bonds_outstanding",
            ...[...open.keys()].map(bondAccount),
          ]);
          expect(books.get("bond_allowance")).toBe(allowance);
          expect(allowance).toBeGreaterThanOrEqual(0);
          expect(allowance).toBeLessThanOrEqual(grossNow);
          expect(books.get("bonds_outstanding")).toBe(grossNow - allowance);
          for (const [id, v] of open) expect(books.get(bondAccount(id))).toBe(v);
        }
        const tb = await trialBalance(db);
        expect(tb.postingsSum).toBe(0);
        expect(tb.unbalancedEntries).toEqual([]);
        expect(tb.assets).toBe(tb.funds);
        expect(tb.grossAssets - tb.allowance).toBe(tb.funds);
        expect(tb.allowance).toBe(allowance);
        expect(await verifyCachedBalances(db)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses, in the database, an allowance larger than what the bonds-outstanding net assets can carry", async () => {
    const db = h.db;
    const b = await getBalances(db, ["bonds_outstanding", "bond_allowance"]);
    const net = b.get("bonds_outstanding")!;
    const current = b.get("bond_allowance")!;
    const { version } = await allowanceAccount(db);
    const e = allowanceAdjustmentEntry({
      targetCents: current + net + 1,
      currentCents: current,
      asOf: "2030-01-01",
      version,
    })!;
    await expect(postEntry(db, e)).rejects.toMatchObject({ code: "insufficient_funds" });
  });
});
