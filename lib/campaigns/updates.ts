/**
 * Campaign updates: the lawyer of record posts one (English, optionally Spanish) on a published
 * campaign; it passes the PII guard against the case file like the story, waits in the admin's
 * privacy-review queue, and is public only once approved (the guard runs again then).
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { campaigns, campaignUpdates } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { parseOrThrow, requireId } from "@/lib/validation";
import { flagsOf, guardTextsAgainstCaseFile, ownedCampaign } from "./authoring";
import { reviewNotes } from "./review";

export const MAX_UPDATE_CHARS = 2_000;
/** Enough for real news; more means the queue is being flooded. */
const MAX_PENDING_UPDATES = 3;
/** States whose public page is up and still followed by donors (the lawyer page's "live" panels). */
const POSTABLE = ["live", "funded", "paused", "bond_requested", "bond_posted"] as const;

const text = (lang: string) =>
  z
    .string()
    .trim()
    .max(
      MAX_UPDATE_CHARS,
      `The ${lang} update must be at most ${MAX_UPDATE_CHARS.toLocaleString("en-US")} characters.`,
    );

const updateSchema = z.object({
  bodyEn: text("English").min(10, "Write the update in English (at least 10 characters)."),
  bodyEs: text("Spanish")
    .optional()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || s.length >= 10, "The Spanish update, if given, must be at least 10 characters."),
});

/** The guard's field labels: its messages read "English update contains …", and forms map them back. */
const guardFieldsOf = (u: { bodyEn: string; bodyEs: string | null }) => ({
  "English update": u.bodyEn,
  ...(u.bodyEs ? { "Spanish update": u.bodyEs } : {}),
});

export async function postUpdate(db: Db, actor: Principal | null, campaignId: string, input: unknown) {
  const lawyer = requireRole(actor, "lawyer");
  const u = parseOrThrow(updateSchema, input);
  return db.transaction(async (tx) => {
    await ownedCampaign(tx, lawyer, requireId(campaignId, "campaign"), [...POSTABLE]);
    const waiting = await tx
      .select({ id: campaignUpdates.id })
      .from(campaignUpdates)
      .where(and(eq(campaignUpdates.campaignId, campaignId), eq(campaignUpdates.status, "pending")));
    if (waiting.length >= MAX_PENDING_UPDATES)
      throw new AppError(
        "conflict",
        `${waiting.length} updates already wait for review; post again once an administrator has reviewed them.`,
      );
    const flags = flagsOf(await guardTextsAgainstCaseFile(tx, lawyer, campaignId, guardFieldsOf(u)));
    const [row] = await tx
      .insert(campaignUpdates)
      .values({ campaignId, body: u.bodyEn, bodyEs: u.bodyEs, reviewFlags: flags, authorUserId: lawyer.userId })
      .returning({ id: campaignUpdates.id });
    await audit(tx, {
      actorUserId: lawyer.userId,
      action: "campaign_update.submitted",
      subjectType: "campaign",
      subjectId: campaignId,
      details: { update: row!.id, flags: flags.length },
    });
    return { updateId: row!.id, flags: flags.length };
  });
}

/** Approve: the guard runs again against the case file as it is now, then the update is public. */
export async function approveUpdate(
  db: Db,
  actor: Principal | null,
  updateId: string,
): Promise<{ campaignId: string }> {
  const admin = requireRole(actor, "admin");
  return db.transaction(async (tx) => {
    const u = await pendingUpdate(tx, updateId);
    await guardTextsAgainstCaseFile(tx, admin, u.campaignId, guardFieldsOf({ bodyEn: u.body, bodyEs: u.bodyEs }));
    const now = new Date();
    await decide(tx, admin, u, { status: "approved", publishedAt: now, reviewedAt: now, reviewFlags: [] });
    return { campaignId: u.campaignId };
  });
}

/** Send back with notes: the update is never published; the lawyer sees the notes and may post a new one. */
export async function rejectUpdate(db: Db, actor: Principal | null, updateId: string, notes: string): Promise<void> {
  const admin = requireRole(actor, "admin");
  const text = reviewNotes(notes);
  await db.transaction(async (tx) => {
    const u = await pendingUpdate(tx, updateId);
    await decide(tx, admin, u, { status: "rejected", reviewNotes: text, reviewedAt: new Date() });
  });
}

/** The admin's decision on a pending update, written with the reviewer and in the audit log. */
async function decide(
  tx: Db,
  admin: Principal,
  u: { id: string; campaignId: string },
  decision: Partial<typeof campaignUpdates.$inferInsert> & { status: "approved" | "rejected" },
): Promise<void> {
  await tx
    .update(campaignUpdates)
    .set({ ...decision, reviewerUserId: admin.userId })
    .where(eq(campaignUpdates.id, u.id));
  await audit(tx, {
    actorUserId: admin.userId,
    action: `campaign_update.${decision.status}`,
    subjectType: "campaign",
    subjectId: u.campaignId,
    details: { update: u.id },
  });
}

async function pendingUpdate(tx: Db, updateId: string) {
  const id = requireId(updateId, "update");
  const [u] = await tx.select().from(campaignUpdates).where(eq(campaignUpdates.id, id)).for("update");
  if (!u) throw new AppError("not_found", `Update ${id} does not exist.`);
  if (u.status !== "pending") throw new AppError("conflict", `Update ${id} was already reviewed (${u.status}).`);
  return u;
}

export type CampaignUpdateRow = Pick<
  typeof campaignUpdates.$inferSelect,
  "id" | "campaignId" | "body" | "bodyEs" | "status" | "reviewFlags" | "reviewNotes" | "submittedAt" | "publishedAt"
>;

const columns = {
  id: campaignUpdates.id,
  campaignId: campaignUpdates.campaignId,
  body: campaignUpdates.body,
  bodyEs: campaignUpdates.bodyEs,
  status: campaignUpdates.status,
  reviewFlags: campaignUpdates.reviewFlags,
  reviewNotes: campaignUpdates.reviewNotes,
  submittedAt: campaignUpdates.submittedAt,
  publishedAt: campaignUpdates.publishedAt,
};

/** Updates waiting for review on these campaigns, oldest first (the admin's queue; callers check the role). */
export async function pendingUpdatesOf(db: Db, campaignIds: string[]): Promise<CampaignUpdateRow[]> {
  if (!campaignIds.length) return [];
  return db
    .select(columns)
    .from(campaignUpdates)
    .where(and(inArray(campaignUpdates.campaignId, campaignIds), eq(campaignUpdates.status, "pending")))
    .orderBy(asc(campaignUpdates.submittedAt));
}

/** The lawyer's own view of a campaign's updates, newest first, whatever their state; nothing for another's campaign. */
export async function updatesForLawyer(
  db: Db,
  actor: Principal | null,
  campaignId: string,
): Promise<CampaignUpdateRow[]> {
  const lawyer = requireRole(actor, "lawyer");
  return db
    .select(columns)
    .from(campaignUpdates)
    .innerJoin(campaigns, eq(campaigns.id, campaignUpdates.campaignId))
    .where(
      and(eq(campaignUpdates.campaignId, requireId(campaignId, "campaign")), eq(campaigns.lawyerUserId, lawyer.userId)),
    )
    .orderBy(desc(campaignUpdates.submittedAt))
    .limit(20);
}
