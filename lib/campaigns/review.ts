/** The fund admin's privacy review: approve (the campaign or a pending edit goes live) or send back with notes. */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignEvents, campaigns } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { guardAgainstCaseFile } from "./authoring";

export async function approveCampaign(db: Db, actor: Principal | null, campaignId: string): Promise<void> {
  const admin = requireRole(actor, "admin");
  await db.transaction(async (tx) => {
    const c = await reviewable(tx, campaignId);
    const text = c.pendingPublic ?? c;
    // The case file may have changed since submission: the guard runs again at the moment of publication.
    await guardAgainstCaseFile(tx, admin, campaignId, text);
    const now = new Date();
    if (c.pendingPublic) {
      await tx
        .update(campaigns)
        .set({ ...c.pendingPublic, pendingPublic: null, reviewFlags: [], reviewNotes: null, updatedAt: now })
        .where(eq(campaigns.id, campaignId));
    } else {
      await tx
        .update(campaigns)
        .set({ status: "live", publishedAt: now, reviewFlags: [], reviewNotes: null, updatedAt: now })
        .where(eq(campaigns.id, campaignId));
    }
    await tx
      .insert(campaignEvents)
      .values({ campaignId, kind: "approved", actorUserId: admin.userId, details: { edit: Boolean(c.pendingPublic) } });
    await audit(tx, {
      actorUserId: admin.userId,
      action: "campaign.approved",
      subjectType: "campaign",
      subjectId: campaignId,
    });
  });
}

export async function returnCampaign(
  db: Db,
  actor: Principal | null,
  campaignId: string,
  notes: string,
): Promise<void> {
  const admin = requireRole(actor, "admin");
  const text = reviewNotes(notes);
  await db.transaction(async (tx) => {
    const c = await reviewable(tx, campaignId);
    const set = c.pendingPublic
      ? { pendingPublic: null, reviewNotes: text }
      : { status: "draft" as const, reviewNotes: text };
    await tx
      .update(campaigns)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(campaigns.id, campaignId));
    await tx.insert(campaignEvents).values({ campaignId, kind: "returned", actorUserId: admin.userId });
    await audit(tx, {
      actorUserId: admin.userId,
      action: "campaign.returned",
      subjectType: "campaign",
      subjectId: campaignId,
    });
  });
}

/** A reviewer's notes for the lawyer when sending something back (a campaign, an edit, an update). */
export function reviewNotes(notes: string): string {
  const text = notes.trim();
  if (text.length < 5) throw new AppError("validation", "Tell the lawyer what to change (at least 5 characters).");
  if (text.length > 2000) throw new AppError("validation", "Review notes must be at most 2,000 characters.");
  return text;
}

async function reviewable(tx: Db, campaignId: string) {
  const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!c) throw new AppError("not_found", `Campaign ${campaignId} does not exist.`);
  if (c.status !== "in_review" && !c.pendingPublic)
    throw new AppError("conflict", `Campaign ${campaignId} is not waiting for review.`);
  return c;
}
