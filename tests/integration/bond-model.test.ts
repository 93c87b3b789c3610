/**
 * Model-based test of the bond lifecycle: random sequences of treasurer actions
 * (valid or not, in any order) against the state machine and a model of the
 * books. Refused actions change nothing; allowed ones move the status and the
 * ledger exactly as the model says. An appeal more than 30 days after the
 * breach notice is refused as late.
 */
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { bonds } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { advanceBond, type LifecycleStep } from "@/lib/bonds/lifecycle";
import { approvalsRequired, approveBondPayment, recordBondPayment, requestBondPayment } from "@/lib/bonds/payment";
import { recordBondPosting } from "@/lib/bonds/i305-posting";
import { nextStatus, type BondAction, type BondStatus } from "@/lib/bonds/state-machine";
import { bondAccount, campaignAccount, getBalances } from "@/lib/ledger";
import { flatRates, fundedCampaign } from "../fixtures/funded-campaign";
import { principal } from "../fixtures/people";
import { backdateBond } from "../fixtures/bond-paths";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let t1: Principal, t2: Principal, t3: Principal;
beforeAll(async () => {
  h = await createTestDb();
  [t1, t2, t3] = [
    await principal(h.db, "m1@x.example", ["treasurer"]),
    await principal(h.db, "m2@x.example", ["treasurer"]),
    await principal(h.db, "m3@x.example", ["treasurer"]),
  ];
  await flatRates(h.db, 250);
});
afterAll(async () => h?.close());

type Op =
  | { step: "approve"; who: 0 | 1 }
  | { step: "pay" }
  | { step: "post" }
  | { step: Exclude<LifecycleStep, "refund"> }
  | { step: "refund"; extra: number };

const ACTION: Record<Op["step"], BondAction> = {
  approve: "approve",
  pay: "pay",
  post: "post",
  appearance: "appearance",
  cancel: "cancel",
  claimRefund: "claimRefund",
  refund: "refund",
  breach: "breach",
  appeal: "appeal",
  forfeit: "forfeit",
  reinstate: "reinstate",
};

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ step: fc.constant("approve" as const), who: fc.constantFrom(0 as const, 1 as const) }),
  fc.constantFrom<Op>(
    { step: "pay" },
    { step: "post" },
    { step: "appearance" },
    { step: "cancel" },
    { step: "claimRefund" },
    { step: "breach" },
    { step: "appeal" },
    { step: "forfeit" },
    { step: "reinstate" },
  ),
  fc.record({ step: fc.constant("refund" as const), extra: fc.integer({ min: -5_000, max: 50_000 }) }),
);

const day = (n: number) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000 * 9).toISOString().slice(0, 10);

describe("bond lifecycle model", () => {
  it("follows the state machine and moves the books exactly as modelled", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 150_000, max: 3_000_000 }),
        fc.array(op, { minLength: 1, maxLength: 14 }),
        async (amount, ops) => {
          const campaign = await fundedCampaign(h.db, amount);
          const { bondId } = await requestBondPayment(h.db, t3, { campaignId: campaign, amountCents: amount });
          await backdateBond(h.db, bondId, day(0));
          const codes = [bondAccount(bondId), campaignAccount(campaign), "bonds_outstanding", "general", "bank"];
          const model = {
            status: "requested" as BondStatus,
            approvers: new Set<number>(),
            balances: new Map<string, number>(await getBalances(h.db, codes)),
          };
          const add = (code: string, d: number) => model.balances.set(code, (model.balances.get(code) ?? 0) + d);
          let n = 0;
          let breachedAt = 0; // the step whose date the last I-323 carries
          for (const o of ops) {
            n++;
            // Recording the same I-305 receipt again is a replay: accepted, nothing changes.
            if (o.step === "post" && model.status === "posted") {
              await expect(
                recordBondPosting(h.db, t1, bondId, {
                  i305Number: `I305-${bondId.slice(0, 8)}`,
                  postedOn: day(n),
                  obligor: { kind: "fund" },
                }),
              ).resolves.toEqual({ replayed: true });
              continue;
            }
            let allowed: boolean;
            try {
              nextStatus(model.status, ACTION[o.step]);
              allowed = !(o.step === "approve" && model.approvers.has(o.who));
            } catch {
              allowed = false;
            }
            const input = {
              method: "ach",
              traceNumber: `TR-${bondId.slice(0, 8)}-${n}`,
              paidOn: day(n),
              i305Number: `I305-${bondId.slice(0, 8)}`,
              postedOn: day(n),
              obligor: { kind: "fund" },
              demandedFor: day(n),
              i391On: day(n),
              mailedOn: day(n),
              contents: "I-305 and I-391",
              refundedOn: day(n),
              receivedCents: amount + (o.step === "refund" ? o.extra : 0),
              i323On: day(n),
              filedOn: day(n),
              forfeitedOn: day(n),
            };
            const run =
              o.step === "approve"
                ? approveBondPayment(h.db, o.who ? t2 : t1, bondId)
                : o.step === "pay"
                  ? recordBondPayment(h.db, t1, bondId, input)
                  : o.step === "post"
                    ? recordBondPosting(h.db, t1, bondId, input)
                    : advanceBond(h.db, t1, bondId, o.step, input);
            const outcome = await run
              .then(async (r) => {
                if (o.step === "approve") await backdateBond(h.db, bondId, day(0));
                return r;
              })
              .then(
                () => "ok",
                (e: { code?: string; message?: string }) => e.code ?? e.message,
              );
            // Dates run forward (9 days a step), so the only refusals are those of the state machine, the
            // one-approval-per-person rule and an appeal dated more than 30 days after the I-323.
            const late = allowed && o.step === "appeal" && (n - breachedAt) * 9 > 30;
            expect(outcome, `${o.step} in ${model.status}`).toBe(!allowed ? "conflict" : late ? "validation" : "ok");
            if (!allowed || late) continue;
            if (o.step === "breach") breachedAt = n;
            if (o.step === "approve") {
              model.approvers.add(o.who);
              if (model.approvers.size >= approvalsRequired(amount)) model.status = "approved";
              continue;
            }
            model.status = nextStatus(model.status, ACTION[o.step]);
            if (o.step === "pay") {
              add(bondAccount(bondId), amount);
              add(campaignAccount(campaign), -amount);
              add("bonds_outstanding", amount);
              add("bank", -amount);
            } else if (o.step === "refund") {
              const received = amount + o.extra;
              add(bondAccount(bondId), -amount);
              add("bonds_outstanding", -amount);
              add("bank", received);
              add("general", Math.min(received, amount) + Math.max(0, o.extra));
            } else if (o.step === "forfeit") {
              add(bondAccount(bondId), -amount);
              add("bonds_outstanding", -amount);
            }
          }
          const [row] = await h.db.select({ status: bonds.status }).from(bonds).where(eq(bonds.id, bondId));
          expect(row!.status).toBe(model.status);
          expect(Object.fromEntries(await getBalances(h.db, codes))).toEqual(Object.fromEntries(model.balances));
        },
      ),
      { numRuns: Number(process.env.BOND_MODEL_RUNS ?? 150) },
    );
  });
});
