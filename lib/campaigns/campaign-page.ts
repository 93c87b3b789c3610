/** The rest of a public campaign page: updates and the donor wall. Public columns only; never an email. */
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignUpdates, donations, offlineGifts } from "@/db/schema";

export interface CampaignUpdate {
  id: string;
  body: string;
  /** The Spanish text, if the lawyer wrote one. */
  bodyEs: string | null;
  publishedAt: Date;
}

/** Approved updates only, newest first: pending and sent-back ones are never selected for a public page. */
export async function listCampaignUpdates(db: Db, campaignId: string): Promise<CampaignUpdate[]> {
  const rows = await db
    .select({
      id: campaignUpdates.id,
      body: campaignUpdates.body,
      bodyEs: campaignUpdates.bodyEs,
      publishedAt: campaignUpdates.publishedAt,
    })
    .from(campaignUpdates)
    .where(and(eq(campaignUpdates.campaignId, campaignId), eq(campaignUpdates.status, "approved")))
    .orderBy(desc(campaignUpdates.publishedAt))
    .limit(50);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

export interface WallEntry {
  id: string;
  /** An approved name, or null: "Anonymous" when the donor gave none, "A donor" while it is not approved. */
  displayName: string | null;
  /** The donor chose a name that is not (yet) approved: shown as "A donor", whatever the review found. */
  nameAwaitingReview: boolean;
  /** The gift itself, without the part added to cover fees; null when the fund hides amounts. */
  giftCents: number | null;
}

/**
 * A donor's name is public only once staff approved it (issue 11, finding 2), or approved the
 * same name on an earlier payment of the same monthly gift. Pending and refused names are not
 * even selected, so no page can leak them, and the two look alike to everyone.
 */
const approvedName = sql<boolean>`(${donations.displayNameReview} = 'approved' OR EXISTS (
  SELECT 1 FROM donations o
   WHERE o.recurring_gift_id = ${donations.recurringGiftId}
     AND o.display_name = ${donations.displayName}
     AND o.display_name_review = 'approved'))`;

/** Newest gifts that went through and were not fully taken back, card and offline alike. No dates: gift timing can hint at events. */
export async function listDonorWall(
  db: Db,
  campaignId: string,
  opts: { showAmounts: boolean; limit?: number },
): Promise<WallEntry[]> {
  const limit = opts.limit ?? 12;
  const card = await db
    .select({
      id: donations.id,
      displayName: sql<string | null>`CASE WHEN ${approvedName} THEN ${donations.displayName} END`,
      named: sql<boolean>`${donations.displayName} IS NOT NULL`,
      amount: donations.amountCents,
      coverFee: donations.coverFeeCents,
      at: sql<string>`coalesce(${donations.succeededAt}, ${donations.createdAt})`,
    })
    .from(donations)
    .where(and(eq(donations.campaignId, campaignId), inArray(donations.status, ["succeeded", "partially_refunded"])))
    .orderBy(sql`${donations.succeededAt} DESC NULLS LAST`, desc(donations.createdAt))
    .limit(limit);
  const offline = await db
    .select({
      id: offlineGifts.id,
      displayName: sql<
        string | null
      >`CASE WHEN ${offlineGifts.displayNameReview} = 'approved' THEN ${offlineGifts.displayName} END`,
      named: sql<boolean>`${offlineGifts.displayName} IS NOT NULL`,
      amount: offlineGifts.amountCents,
      coverFee: sql<number>`0`,
      at: sql<string>`${offlineGifts.createdAt}`,
    })
    .from(offlineGifts)
    .where(and(eq(offlineGifts.campaignId, campaignId), isNull(offlineGifts.reversedAt)))
    .orderBy(desc(offlineGifts.createdAt))
    .limit(limit);
  const rows = [...card, ...offline]
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
    .slice(0, limit);
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    nameAwaitingReview: Boolean(r.named) && r.displayName === null,
    giftCents: opts.showAmounts ? Number(r.amount) - Number(r.coverFee) : null,
  }));
}
