/** The rest of a public campaign page: updates and the donor wall. Public columns only; never an email. */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignUpdates, donations } from "@/db/schema";

export interface CampaignUpdate {
  id: string;
  body: string;
  publishedAt: Date;
}

export async function listCampaignUpdates(db: Db, campaignId: string): Promise<CampaignUpdate[]> {
  return db
    .select({ id: campaignUpdates.id, body: campaignUpdates.body, publishedAt: campaignUpdates.publishedAt })
    .from(campaignUpdates)
    .where(eq(campaignUpdates.campaignId, campaignId))
    .orderBy(desc(campaignUpdates.publishedAt))
    .limit(50);
}

export interface WallEntry {
  id: string;
  /** null shows as "Anonymous". */
  displayName: string | null;
  /** The gift itself, without the part added to cover fees; null when the fund hides amounts. */
  giftCents: number | null;
}

/** Newest gifts that went through and were not fully taken back. No dates: gift timing can hint at events. */
export async function listDonorWall(
  db: Db,
  campaignId: string,
  opts: { showAmounts: boolean; limit?: number },
): Promise<WallEntry[]> {
  const rows = await db
    .select({
      id: donations.id,
      displayName: donations.displayName,
      amount: donations.amountCents,
      coverFee: donations.coverFeeCents,
    })
    .from(donations)
    .where(and(eq(donations.campaignId, campaignId), inArray(donations.status, ["succeeded", "partially_refunded"])))
    .orderBy(sql`${donations.succeededAt} DESC NULLS LAST`, desc(donations.createdAt))
    .limit(opts.limit ?? 12);
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    giftCents: opts.showAmounts ? r.amount - r.coverFee : null,
  }));
}
