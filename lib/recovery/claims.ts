/**
 * Getting the money back after the I-391: the claim mailed (with its tracking
 * number), each follow-up with ICE (call, letter, email: who, when, what was
 * said), and the alerts for a refund that does not come (90, 180, 365 days).
 * Tracking numbers and follow-up notes are encrypted; every read is audited.
 */
import { randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bonds, campaigns, refundClaims, refundFollowups } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { lockBond, staffDate } from "@/lib/bonds/bond-row";
import { runBondStep } from "@/lib/bonds/lifecycle";
import { now } from "@/lib/clock";
import { daysSince } from "@/lib/dates";
import { env } from "@/lib/env";
import { seal, unseal } from "@/lib/notices/sealed";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";

const REFUND_ALERT_DAYS = [90, 180, 365] as const;

export async function recordClaimMailed(
  db: Db,
  actor: Principal | null,
  bondId: string,
  input: unknown,
): Promise<void> {
  const me = requireRole(actor, "treasurer");
  const p = parseOrThrow(
    z.object({
      mailedOn: z.string(),
      trackingNumber: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9 -]{6,40}$/, "Enter the mail tracking number (6–40 letters, digits, spaces or dashes)."),
    }),
    input,
  );
  await db.transaction(async (tx) => {
    const bond = await lockBond(tx, bondId);
    await runBondStep(
      tx,
      bond,
      "claimRefund",
      {
        mailedOn: p.mailedOn,
        contents: "Cover letter, Form I-391, original I-305 (or notarised I-395), I-312 if needed",
      },
      me,
    );
    const tracking = seal("refund-claim", bondId, { trackingNumber: p.trackingNumber });
    await tx
      .insert(refundClaims)
      .values({ bondId, mailedOn: p.mailedOn, trackingEnvelope: tracking, updatedBy: me.userId })
      .onConflictDoUpdate({
        target: refundClaims.bondId,
        set: { mailedOn: p.mailedOn, trackingEnvelope: tracking, updatedBy: me.userId, updatedAt: new Date() },
      });
    await audit(tx, {
      actorUserId: me.userId,
      action: "recovery.claim_mailed",
      subjectType: "bond",
      subjectId: bondId,
    });
  });
}

export async function logFollowup(db: Db, actor: Principal | null, bondId: string, input: unknown): Promise<void> {
  const me = requireRole(actor, "treasurer");
  const p = parseOrThrow(
    z.object({
      channel: z.enum(["call", "letter", "email"], { error: "Say how you followed up: call, letter or email." }),
      occurredOn: staffDate("The follow-up date"),
      who: z.string().trim().min(2, "Say who you spoke or wrote to (a name, desk or office).").max(160),
      said: z.string().trim().min(3, "Say what was said or asked.").max(2000),
    }),
    input,
  );
  await db.transaction(async (tx) => {
    const bond = await lockBond(tx, bondId);
    if (!["cancelled", "refund_claimed"].includes(bond.status))
      throw new AppError(
        "conflict",
        `Follow-ups are logged while a refund is awaited; this bond is ${bond.status.replace("_", " ")}.`,
      );
    const id = randomUUID();
    await tx.insert(refundFollowups).values({
      id,
      bondId,
      channel: p.channel,
      occurredOn: p.occurredOn,
      envelope: seal("followup", id, { who: p.who, said: p.said }),
      createdBy: me.userId,
    });
    await audit(tx, {
      actorUserId: me.userId,
      action: "recovery.followup_logged",
      subjectType: "bond",
      subjectId: bondId,
      details: { channel: p.channel },
    });
  });
}

export interface RecoveryView {
  packetGeneratedAt: Date | null;
  mailedOn: string | null;
  trackingNumber: string | null;
  followups: { id: string; channel: string; occurredOn: string; who: string; said: string }[];
}

export async function recoveryView(db: Db, actor: Principal | null, bondId: string): Promise<RecoveryView> {
  const me = requireRole(actor, "treasurer", "admin");
  const [c] = await db.select().from(refundClaims).where(eq(refundClaims.bondId, bondId));
  const rows = await db
    .select()
    .from(refundFollowups)
    .where(eq(refundFollowups.bondId, bondId))
    .orderBy(asc(refundFollowups.occurredOn), asc(refundFollowups.createdAt));
  if (c || rows.length)
    await audit(db, { actorUserId: me.userId, action: "recovery.read", subjectType: "bond", subjectId: bondId });
  return {
    packetGeneratedAt: c?.packetGeneratedAt ?? null,
    mailedOn: c?.mailedOn ?? null,
    trackingNumber: c?.trackingEnvelope
      ? unseal<{ trackingNumber: string }>("refund-claim", bondId, c.trackingEnvelope).trackingNumber
      : null,
    followups: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      occurredOn: r.occurredOn,
      ...unseal<{ who: string; said: string }>("followup", r.id, r.envelope),
    })),
  };
}

export interface RefundAlert {
  bondId: string;
  alias: string;
  amountCents: number;
  claimedOn: string;
  daysSinceClaim: number;
  /** The highest threshold passed: 90, 180 or 365 days. */
  level: (typeof REFUND_ALERT_DAYS)[number];
  /** A draft FOIA request is offered once BOND_FOIA_DAYS have passed. */
  foia: boolean;
  lastFollowupOn: string | null;
}

/** Claimed refunds not back after 90 days and more, oldest first (no envelope read). */
export async function refundAlerts(db: Db, at: Date = now()): Promise<RefundAlert[]> {
  const rows = await db
    .select({
      bondId: bonds.id,
      alias: campaigns.alias,
      amountCents: bonds.amountCents,
      claimedOn: bonds.refundClaimedOn,
    })
    .from(bonds)
    .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
    .where(eq(bonds.status, "refund_claimed"))
    .orderBy(asc(bonds.refundClaimedOn));
  const ids = rows.map((r) => r.bondId);
  const last = new Map<string, string>();
  if (ids.length)
    for (const f of await db
      .select({ bondId: refundFollowups.bondId, on: refundFollowups.occurredOn })
      .from(refundFollowups)
      .where(inArray(refundFollowups.bondId, ids)))
      if (!last.has(f.bondId) || last.get(f.bondId)! < f.on) last.set(f.bondId, f.on);
  const foiaDays = env().BOND_FOIA_DAYS;
  return rows.flatMap((r) => {
    const days = daysSince(r.claimedOn!, at);
    const level = [...REFUND_ALERT_DAYS].reverse().find((d) => days >= d);
    if (!level) return [];
    return [
      {
        ...r,
        claimedOn: r.claimedOn!,
        daysSinceClaim: days,
        level,
        foia: days >= foiaDays,
        lastFollowupOn: last.get(r.bondId) ?? null,
      },
    ];
  });
}
