/** The demo's bond for a campaign: requested, approved, paid and posted on its own dates; refunded with interest if so. */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bondApprovals, bonds, interestRates } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { bondInterest } from "@/lib/bonds/interest";
import { advanceBond } from "@/lib/bonds/lifecycle";
import { approvalsRequired, approveBondPayment, recordBondPayment, requestBondPayment } from "@/lib/bonds/payment";
import { recordBondPosting } from "@/lib/bonds/i305-posting";
import type { DemoCampaign } from "./demo-data";

export const DAY = 86_400_000;

export type Staff = Record<"admin" | "treasurer" | "treasurer2" | "lawyer" | "lawyer2", Principal>;

export async function seedBond(tx: Db, demo: DemoCampaign, campaignId: string, start: Date, now: Date, staff: Staff) {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const paidOn = day(new Date(start.getTime() + 20 * DAY));
  const { bondId } = await requestBondPayment(tx, staff.lawyer, { campaignId, amountCents: demo.goalCents });
  await approveBondPayment(tx, staff.treasurer, bondId);
  if (approvalsRequired(demo.goalCents) > 1) await approveBondPayment(tx, staff.treasurer2, bondId);
  // The demo's history happened on its own dates: requested on day 19, approved on day 20, paid that day.
  await tx
    .update(bonds)
    .set({ createdAt: new Date(start.getTime() + 19 * DAY) })
    .where(eq(bonds.id, bondId));
  await tx
    .update(bondApprovals)
    .set({ approvedAt: new Date(start.getTime() + 20 * DAY) })
    .where(eq(bondApprovals.bondId, bondId));
  await recordBondPayment(tx, staff.treasurer, bondId, {
    method: "fedwire",
    traceNumber: `FW${demo.slug.length}${paidOn.replace(/-/g, "")}`,
    paidOn,
  });
  await recordBondPosting(tx, staff.treasurer, bondId, {
    i305Number: `DEMO-${paidOn.replace(/-/g, "")}-${demo.slug.length}`,
    postedOn: paidOn,
    obligor: { kind: "fund" },
  });
  if (demo.bond !== "refunded") return;
  await advanceBond(tx, staff.treasurer, bondId, "cancel", { i391On: day(new Date(now.getTime() - 60 * DAY)) });
  await advanceBond(tx, staff.treasurer, bondId, "claimRefund", {
    mailedOn: day(new Date(now.getTime() - 55 * DAY)),
    contents: "Original I-305 and I-391, cover letter",
  });
  const refundedOn = day(new Date(now.getTime() - 20 * DAY));
  const rates = (await tx.select().from(interestRates)).map((r) => ({
    quarterStart: r.quarterStart,
    rateBps: r.rateBps,
  }));
  const interest = bondInterest(demo.goalCents, paidOn, refundedOn, rates).cents;
  await advanceBond(tx, staff.treasurer, bondId, "refund", { refundedOn, receivedCents: demo.goalCents + interest });
}
