import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, bonds } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { advanceBond } from "@/lib/bonds/lifecycle";
import { approveBondPayment, recordBondPayment, requestBondPayment } from "@/lib/bonds/payment";
import { recordBondPosting } from "@/lib/bonds/i305-posting";
import { openDeadlines } from "@/lib/notices/open-deadlines";
import { recordNotice } from "@/lib/notices/record-notice";
import {
  bondAccount,
  campaignAccount,
  getBalance,
  trialBalance,
  verifyCachedBalances,
  verifyDonorCounts,
  verifyKindTotals,
} from "@/lib/ledger";
import { backdateBond, bondAt } from "../fixtures/bond-paths";
import { flatRates, fundedCampaign, fundGeneral } from "../fixtures/funded-campaign";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let admin: Principal, t1: Principal, t2: Principal, lawyer: Principal;

beforeAll(async () => {
  h = await createTestDb();
  admin = await principal(h.db, "admin@b.example", ["admin"]);
  t1 = await principal(h.db, "t1@b.example", ["treasurer"]);
  t2 = await principal(h.db, "t2@b.example", ["treasurer"]);
  lawyer = await verifiedLawyer(h.db, "lawyer@b.example", admin);
  await flatRates(h.db, 300);
});
afterAll(async () => h?.close());

describe("bond payment", () => {
  it("takes a $20,000 bond through two approvals, payment, posting, cancellation and refund with interest", async () => {
    const campaign = await fundedCampaign(h.db, 2_050_000, lawyer.userId);
    const { bondId } = await requestBondPayment(h.db, lawyer, { campaignId: campaign, amountCents: 2_000_000 });
    await expect(approveBondPayment(h.db, lawyer, bondId)).rejects.toMatchObject({ code: "forbidden" });
    expect(await approveBondPayment(h.db, t1, bondId)).toEqual({ approvals: 1, required: 2, approved: false });
    await expect(approveBondPayment(h.db, t1, bondId)).rejects.toThrow(/different treasurer/);
    await expect(
      recordBondPayment(h.db, t1, bondId, { method: "ach", traceNumber: "TRACE123", paidOn: "2025-01-10" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await approveBondPayment(h.db, t2, bondId)).toMatchObject({ approved: true });
    await backdateBond(h.db, bondId, "2025-01-10");

    const generalBefore = await getBalance(h.db, "general");
    await recordBondPayment(h.db, t1, bondId, { method: "fedwire", traceNumber: "FW-778812", paidOn: "2025-01-10" });
    expect(await getBalance(h.db, bondAccount(bondId))).toBe(2_000_000);
    expect(await getBalance(h.db, campaignAccount(campaign))).toBe(50_000);

    await expect(
      recordBondPosting(h.db, t1, bondId, {
        i305Number: "I305-0001",
        postedOn: "2025-01-09",
        obligor: { kind: "fund" },
      }),
    ).rejects.toThrow(/before the payment date/);
    await expect(
      recordBondPosting(h.db, t1, bondId, {
        i305Number: "I305-0001",
        postedOn: "2025-01-10",
        obligor: { kind: "representative", userId: lawyer.userId },
      }),
    ).rejects.toThrow(/own lawyer cannot be the obligor/);
    await recordBondPosting(h.db, t1, bondId, {
      i305Number: "i305-0001",
      postedOn: "2025-01-10",
      obligor: { kind: "fund" },
    });
    expect(
      await recordBondPosting(h.db, t2, bondId, {
        i305Number: "I305-0001",
        postedOn: "2025-01-10",
        obligor: { kind: "fund" },
      }),
    ).toEqual({ replayed: true });
    // Overfunding left the campaign for the general pool at posting.
    expect(await getBalance(h.db, campaignAccount(campaign))).toBe(0);
    expect(await getBalance(h.db, "general")).toBe(generalBefore + 50_000);

    // ICE's notices move the bond (an I-340 logs the appearance demand, an I-391 cancels it) and start deadlines.
    const delivery = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const i340 = { form: "I-340", servedOn: "2025-05-01", servedBy: "mail", deliveryDate: delivery };
    await recordNotice(
      h.db,
      t1,
      bondId,
      { ...i340, deliveryTime: "09:00", timeZone: "America/Chicago", place: "Field office" },
      null,
    );
    await expect(
      advanceBond(h.db, t1, bondId, "refund", { refundedOn: "2026-01-10", receivedCents: 2_060_000 }),
    ).rejects.toMatchObject({ code: "conflict" });
    const i391 = await recordNotice(
      h.db,
      t1,
      bondId,
      { form: "I-391", servedOn: "2025-11-20", servedBy: "mail" },
      null,
    );
    expect((await h.db.select().from(bonds).where(eq(bonds.id, bondId)))[0]).toMatchObject({
      status: "cancelled",
      i391On: "2025-11-20",
    });
    expect(
      (await openDeadlines(h.db))
        .filter((d) => d.bondId === bondId)
        .map((d) => d.kind)
        .sort(),
    ).toEqual(["deliver_person", "refund_claim"]);
    expect(i391.deadline!.kind).toBe("refund_claim");
    await expect(
      advanceBond(h.db, t1, bondId, "claimRefund", { mailedOn: "2025-11-01", contents: "I-305 and I-391" }),
    ).rejects.toThrow(/before the I-391 date/);
    await advanceBond(h.db, t1, bondId, "claimRefund", {
      mailedOn: "2025-11-25",
      contents: "original I-305 and I-391",
    });
    // 2025-01-10 → 2026-01-10: 365 days at 3% on $20,000 = $600.00 expected; $599.00 arrived.
    const res = await advanceBond(h.db, t1, bondId, "refund", { refundedOn: "2026-01-10", receivedCents: 2_059_900 });
    expect(res).toEqual({ expectedInterestCents: 60_000, receivedInterestCents: 59_900, differenceCents: -100 });
    expect(await getBalance(h.db, bondAccount(bondId))).toBe(0);
    expect(await getBalance(h.db, "general")).toBe(generalBefore + 50_000 + 2_059_900);
    const tb = await trialBalance(h.db);
    expect(tb.assets).toBe(tb.funds);
    expect(await verifyCachedBalances(h.db)).toEqual([]);
    expect(await verifyKindTotals(h.db)).toEqual([]);
    expect(await verifyDonorCounts(h.db)).toEqual([]);
  });

  it("refuses a bond the campaign cannot pay without a top-up, and uses an agreed top-up from the general pool", async () => {
    const campaign = await fundedCampaign(h.db, 500_000, lawyer.userId);
    await expect(requestBondPayment(h.db, lawyer, { campaignId: campaign, amountCents: 600_000 })).rejects.toThrow(
      /top-up of at least \$1,000.00/,
    );
    await fundGeneral(h.db, 100_000, `general-for:${campaign}`);
    const { bondId } = await requestBondPayment(h.db, lawyer, {
      campaignId: campaign,
      amountCents: 600_000,
      topUpCents: 100_000,
    });
    await approveBondPayment(h.db, t1, bondId);
    await backdateBond(h.db, bondId, "2025-02-01");
    const general = await getBalance(h.db, "general");
    await recordBondPayment(h.db, t2, bondId, { method: "ach", traceNumber: "ACH-555001", paidOn: "2025-02-01" });
    expect(await getBalance(h.db, "general")).toBe(general - 100_000);
    expect(await getBalance(h.db, campaignAccount(campaign))).toBe(0);
  });

  it("forfeits a breached bond as a loss, or reinstates it", async () => {
    const campaign = await fundedCampaign(h.db, 300_000, lawyer.userId);
    const { bondId } = await requestBondPayment(h.db, t1, { campaignId: campaign, amountCents: 300_000 });
    await approveBondPayment(h.db, t2, bondId);
    await backdateBond(h.db, bondId, "2025-03-01");
    await recordBondPayment(h.db, t2, bondId, { method: "ach", traceNumber: "ACH-900001", paidOn: "2025-03-01" });
    await recordBondPosting(h.db, t2, bondId, {
      i305Number: "I305-0077",
      postedOn: "2025-03-02",
      obligor: { kind: "fund" },
    });
    await expect(
      recordBondPosting(h.db, t2, bondId, {
        i305Number: "I305-0001",
        postedOn: "2025-03-02",
        obligor: { kind: "fund" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    const outstanding = await getBalance(h.db, "bonds_outstanding");
    const breach = (servedOn: string) =>
      recordNotice(h.db, t1, bondId, { form: "I-323", servedOn, servedBy: "in_person" }, null);
    await breach("2025-08-01");
    await advanceBond(h.db, t1, bondId, "appeal", { filedOn: "2025-08-20" });
    await advanceBond(h.db, t1, bondId, "reinstate");
    await breach("2025-09-01");
    await advanceBond(h.db, t1, bondId, "forfeit", { forfeitedOn: "2025-10-01" });
    expect(await getBalance(h.db, "bonds_outstanding")).toBe(outstanding - 300_000);
    expect(await getBalance(h.db, bondAccount(bondId))).toBe(0);
    await expect(advanceBond(h.db, lawyer, bondId, "reinstate")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses an appeal after the 30-day window, or dated before the I-323 or in the future, and changes nothing", async () => {
    const { bondId } = await bondAt(
      h.db,
      "posted",
      { lawyer, t1, t2 },
      { amountCents: 250_000, postedOn: "2025-03-02" },
    );
    await recordNotice(h.db, t1, bondId, { form: "I-323", servedOn: "2025-08-01", servedBy: "in_person" }, null);
    const snapshot = async () => ({
      bond: (await h.db.select().from(bonds).where(eq(bonds.id, bondId)))[0],
      appeals: (
        await h.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.subjectId, bondId), eq(auditLog.action, "bond.appeal")))
      ).length,
      outstanding: await getBalance(h.db, "bonds_outstanding"),
      receivable: await getBalance(h.db, bondAccount(bondId)),
    });
    const before = await snapshot();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const cases: [string, RegExp][] = [
      [
        "2025-09-01",
        /^The appeal window has closed: an appeal must be filed within 30 days of the I-323 breach notice, and this appeal date is 31 days after it\.$/,
      ],
      ["2026-01-15", /window has closed.*167 days after it/],
      ["2025-07-31", /cannot be before the I-323 date/],
      [tomorrow, /cannot be in the future/],
      ["2025-02-30", /not a real calendar date/],
      ["01/08/2025", /must be a date/],
    ];
    for (const [filedOn, message] of cases) {
      await expect(advanceBond(h.db, t1, bondId, "appeal", { filedOn }), filedOn).rejects.toMatchObject({
        code: "validation",
        message: expect.stringMatching(message),
      });
    }
    expect(await snapshot()).toEqual(before);
    expect(before.bond!.status).toBe("breached");
    expect(before.bond!.appealFiledOn).toBeNull();
    // The last day of the window is in time.
    await advanceBond(h.db, t1, bondId, "appeal", { filedOn: "2025-08-31" });
    const [after] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    expect(after).toMatchObject({ status: "appealed", appealFiledOn: "2025-08-31" });
  });

  it("records a payment exactly once when 100 treasurers try at once, and refuses what is not affordable", async () => {
    const campaign = await fundedCampaign(h.db, 200_000, lawyer.userId);
    const { bondId } = await requestBondPayment(h.db, lawyer, { campaignId: campaign, amountCents: 200_000 });
    await approveBondPayment(h.db, t1, bondId);
    await backdateBond(h.db, bondId, "2025-04-01");
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        recordBondPayment(h.db, i % 2 ? t1 : t2, bondId, {
          method: "ach",
          traceNumber: `ACH-${100000 + i}`,
          paidOn: "2025-04-01",
        }).then(
          () => "ok",
          (e: { code?: string }) => e.code,
        ),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(new Set(results.filter((r) => r !== "ok"))).toEqual(new Set(["conflict"]));
    expect(await getBalance(h.db, bondAccount(bondId))).toBe(200_000);
  });

  it("lets concurrent top-ups from the general pool succeed only while the pool can afford them", async () => {
    const general = await getBalance(h.db, "general");
    const bondIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const campaign = await fundedCampaign(h.db, 100_000, lawyer.userId);
      const { bondId } = await requestBondPayment(h.db, lawyer, {
        campaignId: campaign,
        amountCents: 100_000 + Math.floor(general / 3) + 1,
        topUpCents: Math.floor(general / 3) + 1,
      });
      await approveBondPayment(h.db, t1, bondId);
      await backdateBond(h.db, bondId, "2025-05-01");
      bondIds.push(bondId);
    }
    const results = await Promise.all(
      bondIds.map((id, i) =>
        recordBondPayment(h.db, t2, id, { method: "ach", traceNumber: `TOPUP-${i}00000`, paidOn: "2025-05-01" }).then(
          () => "ok",
          (e: { code?: string }) => e.code,
        ),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(2);
    expect(results.filter((r) => r === "insufficient_funds")).toHaveLength(8);
    expect(await getBalance(h.db, "general")).toBe(general - 2 * (Math.floor(general / 3) + 1));
  });
});
