/**
 * Paying a bond: a lawyer (of record) or treasurer requests it, treasurers
 * other than the requester approve (two of them above the configured amount),
 * a treasurer records the ACH/Fedwire payment — the ledger then moves the money
 * out of the campaign (and any agreed top-up out of the general pool) to ICE,
 * refusing under concurrency when the money is not there.
 */
import { and, eq, max, notInArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bondApprovals, bonds, campaigns } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { campaignAccount, getBalance, postEntry } from "@/lib/ledger";
import { bondPaymentEntry } from "@/lib/ledger/entries";
import { isoDay } from "@/lib/dates";
import { mailBondPaid, mailBondRequested, mailSecondApprovalNeeded } from "@/lib/mail/bond-notices";
import { formatUsd } from "@/lib/money";
import { attachObligorAtPayment } from "@/lib/obligors/store";
import { parseOrThrow } from "@/lib/validation";
import { applyTransition, lockBond, staffDate } from "./bond-row";
import { nextStatus } from "./state-machine";

const requestSchema = z.object({
  campaignId: z.uuid("Campaign id must be a UUID."),
  amountCents: z.number().int().positive("The bond amount must be more than zero.").max(1_000_000_00),
  topUpCents: z.number().int().min(0, "A top-up cannot be negative.").default(0),
});

export async function requestBondPayment(db: Db, actor: Principal | null, input: unknown): Promise<{ bondId: string }> {
  const me = requireRole(actor, "lawyer", "treasurer");
  const req = parseOrThrow(requestSchema, input);
  if (req.topUpCents > req.amountCents) throw new AppError("validation", "The top-up cannot exceed the bond amount.");
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, req.campaignId)).for("update");
    const isTreasurer = me.roles.includes("treasurer");
    if (!c || (!isTreasurer && c.lawyerUserId !== me.userId))
      throw new AppError("not_found", `Campaign ${req.campaignId} was not found among your campaigns.`);
    if (!["live", "funded"].includes(c.status))
      throw new AppError(
        "conflict",
        `Campaign ${c.id} is ${c.status.replace("_", " ")}; a bond payment can be requested only while it is live or funded.`,
      );
    const open = await tx
      .select({ id: bonds.id })
      .from(bonds)
      .where(and(eq(bonds.campaignId, c.id), notInArray(bonds.status, ["refunded", "forfeited"])));
    if (open.length) throw new AppError("conflict", `Campaign ${c.id} already has bond ${open[0]!.id} in progress.`);
    const held = await getBalance(tx, campaignAccount(c.id));
    if (held + req.topUpCents < req.amountCents) {
      throw new AppError(
        "validation",
        `The campaign holds ${formatUsd(held)} for a ${formatUsd(req.amountCents)} bond: ask for a top-up of at least ${formatUsd(req.amountCents - held)} from the general pool.`,
      );
    }
    const [b] = await tx
      .insert(bonds)
      .values({ campaignId: c.id, amountCents: req.amountCents, topUpCents: req.topUpCents, requestedBy: me.userId })
      .returning({ id: bonds.id });
    await tx.update(campaigns).set({ status: "bond_requested", updatedAt: new Date() }).where(eq(campaigns.id, c.id));
    await audit(tx, {
      actorUserId: me.userId,
      action: "bond.requested",
      subjectType: "bond",
      subjectId: b!.id,
      details: { amountCents: req.amountCents, topUpCents: req.topUpCents },
    });
    await mailBondRequested(
      tx,
      { id: b!.id, campaignId: c.id, amountCents: req.amountCents, topUpCents: req.topUpCents },
      me.userId,
      approvalsRequired(req.amountCents),
    );
    return { bondId: b!.id };
  });
}

export function approvalsRequired(amountCents: number): number {
  return amountCents >= env().BOND_SECOND_APPROVAL_CENTS ? 2 : 1;
}

export async function approveBondPayment(
  db: Db,
  actor: Principal | null,
  bondId: string,
): Promise<{ approvals: number; required: number; approved: boolean }> {
  const me = requireRole(actor, "treasurer");
  return db.transaction(async (tx) => {
    const bond = await lockBond(tx, bondId);
    if (bond.status !== "requested")
      throw new AppError("conflict", `Bond ${bondId} is ${bond.status}; only a requested payment can be approved.`);
    if (bond.requestedBy === me.userId)
      throw new AppError("forbidden", "You requested this payment, so someone else must approve it.");
    const added = await tx
      .insert(bondApprovals)
      .values({ bondId, approverUserId: me.userId })
      .onConflictDoNothing()
      .returning();
    if (!added.length)
      throw new AppError(
        "conflict",
        "You have already approved this payment; a different treasurer must give the second approval.",
      );
    const approvers = (await tx.select().from(bondApprovals).where(eq(bondApprovals.bondId, bondId))).map(
      (a) => a.approverUserId,
    );
    const approvals = approvers.length;
    const required = approvalsRequired(bond.amountCents);
    if (approvals >= required) await applyTransition(tx, bond, "approve");
    else await mailSecondApprovalNeeded(tx, bond, approvers, bond.requestedBy);
    await audit(tx, {
      actorUserId: me.userId,
      action: "bond.approved",
      subjectType: "bond",
      subjectId: bondId,
      details: { approvals, required },
    });
    return { approvals, required, approved: approvals >= required };
  });
}

export async function recordBondPayment(
  db: Db,
  actor: Principal | null,
  bondId: string,
  input: unknown,
): Promise<void> {
  const me = requireRole(actor, "treasurer");
  await db.transaction(async (tx) => {
    const bond = await lockBond(tx, bondId);
    nextStatus(bond.status, "pay"); // an unapproved payment is refused as such, before its date is read
    const notBefore = await lastApprovalDay(tx, bond.id, bond.createdAt);
    const p = parseOrThrow(
      z.object({
        method: z.enum(["ach", "fedwire"], { error: "Payment method must be ACH or Fedwire." }),
        traceNumber: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9-]{6,40}$/, "Trace number must be 6–40 letters, digits or dashes."),
        paidOn: staffDate("Payment date", notBefore),
        /** The obligor of record; absent = the fund's own obligor profile (lib/obligors). */
        obligorId: z.union([z.literal(""), z.uuid("Choose an obligor from the list.")]).optional(),
      }),
      input,
    );
    await applyTransition(tx, bond, "pay", { paymentMethod: p.method, traceNumber: p.traceNumber, paidOn: p.paidOn });
    await attachObligorAtPayment(tx, me, bond.id, p.obligorId, p.paidOn);
    const meta = {
      idempotencyKey: `bond-payment:${bond.id}`,
      campaignId: bond.campaignId,
      refs: { bond: bond.id, trace: p.traceNumber },
      effectiveAt: new Date(`${p.paidOn}T12:00:00Z`),
    };
    await postEntry(tx, bondPaymentEntry(meta, bond));
    await audit(tx, {
      actorUserId: me.userId,
      action: "bond.paid",
      subjectType: "bond",
      subjectId: bond.id,
      details: { method: p.method },
    });
    await mailBondPaid(tx, bond, p.paidOn, p.method);
  });
}

/**
 * A payment follows its approvals: the day (UTC) of the last approval, or of the request when
 * none was needed yet. The date-correction action applies the same floor.
 */
export async function lastApprovalDay(
  tx: Db,
  bondId: string,
  requestedAt: Date,
): Promise<{ value: string; name: string }> {
  const [row] = await tx
    .select({ at: max(bondApprovals.approvedAt) })
    .from(bondApprovals)
    .where(eq(bondApprovals.bondId, bondId));
  return row?.at
    ? { value: isoDay(new Date(row.at)), name: "last approval" }
    : { value: isoDay(requestedAt), name: "request" };
}
