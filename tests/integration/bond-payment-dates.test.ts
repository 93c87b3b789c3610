/**
 * Issue 10 item 6: a bond payment cannot be dated before its request or its last approval,
 * and correcting a recorded date is its own audited action (the books follow by reversal).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, bonds, journalEntries } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { correctBondDate } from "@/lib/bonds/date-correction";
import { approveBondPayment, recordBondPayment, requestBondPayment } from "@/lib/bonds/payment";
import { bondAccount, getBalance, trialBalance } from "@/lib/ledger";
import { isoDay } from "@/lib/dates";
import { backdateBond } from "../fixtures/bond-paths";
import { fundedCampaign } from "../fixtures/funded-campaign";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let t1: Principal, t2: Principal, lawyer: Principal;

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@pd.example", ["admin"]);
  t1 = await principal(h.db, "t1@pd.example", ["treasurer"]);
  t2 = await principal(h.db, "t2@pd.example", ["treasurer"]);
  lawyer = await verifiedLawyer(h.db, "lawyer@pd.example", admin);
});
afterAll(async () => h?.close());

async function approvedBond(amount = 300_000) {
  const campaignId = await fundedCampaign(h.db, amount, lawyer.userId);
  const { bondId } = await requestBondPayment(h.db, lawyer, { campaignId, amountCents: amount });
  await approveBondPayment(h.db, t1, bondId);
  return bondId;
}

describe("bond payment date", () => {
  it("refuses a payment dated 200 days before the request and the approval, naming the approval date", async () => {
    const bondId = await approvedBond();
    const today = isoDay(new Date());
    const early = isoDay(new Date(Date.now() - 200 * 86_400_000));
    await expect(
      recordBondPayment(h.db, t2, bondId, { method: "ach", traceNumber: "ACH-EARLY1", paidOn: early }),
    ).rejects.toMatchObject({ code: "validation", message: expect.stringContaining(`last approval (${today})`) });
    const [b] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    expect(b).toMatchObject({ status: "approved", paidOn: null });
    expect(await getBalance(h.db, bondAccount(bondId))).toBe(0);
    await recordBondPayment(h.db, t2, bondId, { method: "ach", traceNumber: "ACH-TODAY1", paidOn: today });
    expect(await getBalance(h.db, bondAccount(bondId))).toBe(300_000);
  });

  it("accepts a payment on the day of the last approval of a backdated request", async () => {
    const bondId = await approvedBond();
    await backdateBond(h.db, bondId, "2025-03-01");
    await recordBondPayment(h.db, t2, bondId, { method: "ach", traceNumber: "ACH-BACK01", paidOn: "2025-03-01" });
    await expect(
      recordBondPayment(
        h.db,
        t2,
        await approvedBond().then(async (id) => (await backdateBond(h.db, id, "2025-03-01"), id)),
        {
          method: "ach",
          traceNumber: "ACH-BACK02",
          paidOn: "2025-02-28",
        },
      ),
    ).rejects.toMatchObject({ code: "validation" });
  });
});

describe("correcting a recorded date", () => {
  it("moves the payment date, re-books the payment on the corrected day by reversal, and audits who, what and why", async () => {
    const bondId = await approvedBond();
    await backdateBond(h.db, bondId, "2025-03-01");
    await recordBondPayment(h.db, t2, bondId, { method: "ach", traceNumber: "ACH-FIX001", paidOn: "2025-03-20" });
    await correctBondDate(h.db, t1, bondId, { field: "paidOn", date: "2025-03-05", reason: "Typed the wrong day" });
    const [b] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    expect(b!.paidOn).toBe("2025-03-05");
    expect(await getBalance(h.db, bondAccount(bondId))).toBe(300_000);
    const entries = await h.db
      .select({ at: journalEntries.effectiveAt, reverses: journalEntries.reversesEntryId })
      .from(journalEntries)
      .where(eq(journalEntries.kind, "bond_payment"));
    const mine = entries.filter((e) => e.at && isoDay(e.at) === "2025-03-05");
    expect(mine).toHaveLength(1);
    const [a] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, bondId), eq(auditLog.action, "bond.date_corrected")));
    expect(a!.details).toMatchObject({
      field: "paidOn",
      from: "2025-03-20",
      to: "2025-03-05",
      reason: "Typed the wrong day",
    });
    const tb = await trialBalance(h.db);
    expect(tb.postingsSum).toBe(0);
    expect(tb.unbalancedEntries).toEqual([]);
  });

  it("refuses a correction that breaks the order of the bond's dates, one without a reason, and a lawyer", async () => {
    const bondId = await approvedBond();
    await backdateBond(h.db, bondId, "2025-03-01");
    await recordBondPayment(h.db, t2, bondId, { method: "ach", traceNumber: "ACH-FIX002", paidOn: "2025-03-20" });
    await expect(
      correctBondDate(h.db, t1, bondId, { field: "paidOn", date: "2025-02-01", reason: "x" }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      correctBondDate(h.db, t1, bondId, { field: "paidOn", date: "2025-03-04", reason: " " }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      correctBondDate(h.db, lawyer, bondId, { field: "paidOn", date: "2025-03-04", reason: "why" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
