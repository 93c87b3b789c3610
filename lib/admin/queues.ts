/** The fund admin's work queues: lawyers to verify, campaigns (or edits) waiting for privacy review. */
import { asc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, lawyerProfiles, users } from "@/db/schema";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { duplicateCounts } from "@/lib/campaigns/lawyer-dashboard";
import type { CaseFile } from "@/lib/case-files/input";
import { readCaseFile } from "@/lib/case-files/store";
import { pendingUpdatesOf, type CampaignUpdateRow } from "@/lib/campaigns/updates";
import { AppError } from "@/lib/errors";

export async function pendingLawyers(db: Db, actor: Principal | null) {
  requireRole(actor, "admin");
  return db
    .select({
      userId: lawyerProfiles.userId,
      email: users.email,
      fullName: lawyerProfiles.fullName,
      barNumber: lawyerProfiles.barNumber,
      barState: lawyerProfiles.barState,
      eoirId: lawyerProfiles.eoirId,
      firm: lawyerProfiles.firm,
      submittedAt: lawyerProfiles.updatedAt,
    })
    .from(lawyerProfiles)
    .innerJoin(users, eq(users.id, lawyerProfiles.userId))
    .where(eq(lawyerProfiles.status, "pending"))
    .orderBy(asc(lawyerProfiles.updatedAt));
}

const awaitingText = or(eq(campaigns.status, "in_review"), isNotNull(campaigns.pendingPublic));
/** A campaign's posted updates wait in the same queue, on the same review page, as its text. */
const awaitingUpdate = sql`EXISTS (SELECT 1 FROM campaign_updates u WHERE u.campaign_id = ${campaigns.id} AND u.status = 'pending')`;

export interface ReviewQueueRow {
  id: string;
  alias: string;
  region: string;
  /** What waits: the campaign's text (new, or an edit), or only updates. */
  kind: "new campaign" | "edit of live text" | "update";
  /** Posted updates waiting for review on this campaign (besides its text, when kind is not "update"). */
  updates: number;
  submittedAt: Date | null;
  lawyer: string;
  /** Kind, field and message only: the text that triggered a flag is never stored. */
  flags: { field: string; kind: string; message: string }[];
  duplicateCount: number;
}

export async function reviewQueue(db: Db, actor: Principal | null): Promise<ReviewQueueRow[]> {
  requireRole(actor, "admin");
  const rows = await db
    .select({ c: campaigns, lawyerName: lawyerProfiles.fullName, lawyerEmail: users.email })
    .from(campaigns)
    .leftJoin(users, eq(users.id, campaigns.lawyerUserId))
    .leftJoin(lawyerProfiles, eq(lawyerProfiles.userId, campaigns.lawyerUserId))
    .where(or(awaitingText, awaitingUpdate));
  const ids = rows.map((r) => r.c.id);
  const [dupes, updates] = await Promise.all([duplicateCounts(db, ids), pendingUpdatesOf(db, ids)]);
  const queue = rows.map(({ c, lawyerName, lawyerEmail }): ReviewQueueRow => {
    const mine = updates.filter((u) => u.campaignId === c.id);
    const textWaits = c.status === "in_review" || c.pendingPublic !== null;
    const text = c.pendingPublic ?? c;
    return {
      id: c.id,
      alias: text.alias,
      region: text.region,
      kind: c.status === "in_review" ? "new campaign" : c.pendingPublic ? "edit of live text" : "update",
      updates: mine.length,
      submittedAt: textWaits ? c.submittedAt : (mine[0]?.submittedAt ?? null),
      lawyer: lawyerName ?? lawyerEmail ?? "—",
      flags: [...(textWaits ? c.reviewFlags : []), ...mine.flatMap((u) => u.reviewFlags)].map(
        ({ field, kind, message }) => ({ field, kind, message }),
      ),
      duplicateCount: dupes.get(c.id) ?? 0,
    };
  });
  // Oldest waiting first.
  return queue.sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
}

type PublicText = { alias: string; region: string; summary: string; story: string; detentionMonth: string | null };

export interface ReviewDetail {
  id: string;
  slug: string;
  status: string;
  /** Something waits: the campaign's text, or a posted update. */
  awaiting: boolean;
  /** The campaign's text (new or an edit) waits; false when only updates do. */
  awaitingText: boolean;
  isEdit: boolean;
  proposed: PublicText;
  /** The text live now, when the proposal is an edit. */
  current: PublicText | null;
  flags: ReviewQueueRow["flags"];
  goalCents: number;
  /** Decrypted for the reviewer; the read is audit-logged as privacy_review. */
  caseFile: CaseFile | null;
  duplicateCount: number;
  /** Posted updates waiting for review, oldest first. */
  updates: CampaignUpdateRow[];
}

export async function reviewDetail(db: Db, actor: Principal | null, campaignId: string): Promise<ReviewDetail> {
  const admin = requireRole(actor, "admin");
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!c) throw new AppError("not_found", `Campaign ${campaignId} does not exist.`);
  const pick = (t: PublicText): PublicText => ({
    alias: t.alias,
    region: t.region,
    summary: t.summary,
    story: t.story,
    detentionMonth: t.detentionMonth,
  });
  const awaitingText = c.status === "in_review" || c.pendingPublic !== null;
  const updates = await pendingUpdatesOf(db, [campaignId]);
  const awaiting = awaitingText || updates.length > 0;
  // Only a pending review justifies decrypting: a finished one has nothing to compare.
  const caseFile = awaiting ? await readCaseFile(db, campaignId, admin, "privacy_review") : null;
  return {
    id: c.id,
    slug: c.slug,
    status: c.status,
    awaiting,
    awaitingText,
    isEdit: c.pendingPublic !== null,
    proposed: pick(c.pendingPublic ?? c),
    current: c.pendingPublic ? pick(c) : null,
    flags: c.reviewFlags.map(({ field, kind, message }) => ({ field, kind, message })),
    goalCents: c.goalCents,
    caseFile,
    duplicateCount: (await duplicateCounts(db, [campaignId])).get(campaignId) ?? 0,
    updates,
  };
}
