/** Public campaign reads. Only public columns are selected; amounts come from the ledger. */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, campaignStatus } from "@/db/schema";
import { raisedByCampaign } from "@/lib/ledger/queries";
import type { Cents } from "@/lib/money";

export type CampaignStatus = (typeof campaignStatus.enumValues)[number];

/** Statuses a donor may see. Drafts, reviews and cancelled campaigns are never public. */
export const PUBLIC_STATUSES: CampaignStatus[] = [
  "live",
  "funded",
  "bond_requested",
  "bond_posted",
  "closed",
  "paused",
];

export interface CampaignCard {
  id: string;
  slug: string;
  alias: string;
  region: string;
  summary: string;
  status: CampaignStatus;
  goalCents: Cents;
  raisedCents: Cents;
  donorCount: number;
  publishedAt: Date | null;
}

export interface PublicCampaign extends CampaignCard {
  story: string;
  /** "2026-09": a month, never a day. */
  detentionMonth: string | null;
}

export async function listCampaignCards(db: Db, statuses: CampaignStatus[] = ["live"]): Promise<CampaignCard[]> {
  if (!statuses.length) return [];
  const base = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      alias: campaigns.alias,
      region: campaigns.region,
      summary: campaigns.summary,
      status: campaigns.status,
      goalCents: campaigns.goalCents,
      publishedAt: campaigns.publishedAt,
    })
    .from(campaigns)
    .where(inArray(campaigns.status, statuses))
    .orderBy(asc(campaigns.publishedAt), asc(campaigns.slug));
  const totals = await raisedByCampaign(db, inArray(campaigns.status, statuses));
  return base.map((c) => ({
    ...c,
    goalCents: c.goalCents as Cents,
    raisedCents: (totals.get(c.id)?.raised ?? 0) as Cents,
    donorCount: totals.get(c.id)?.donors ?? 0,
  }));
}

/** One campaign's public page data, or null when it does not exist or is not public (drafts, reviews, cancelled). */
export async function getPublicCampaign(db: Db, slug: string): Promise<PublicCampaign | null> {
  const [c] = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      alias: campaigns.alias,
      region: campaigns.region,
      summary: campaigns.summary,
      story: campaigns.story,
      detentionMonth: campaigns.detentionMonth,
      status: campaigns.status,
      goalCents: campaigns.goalCents,
      publishedAt: campaigns.publishedAt,
    })
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), inArray(campaigns.status, PUBLIC_STATUSES)))
    .limit(1);
  if (!c) return null;
  const totals = (await raisedByCampaign(db, eq(campaigns.id, c.id))).get(c.id);
  return {
    ...c,
    goalCents: c.goalCents as Cents,
    raisedCents: (totals?.raised ?? 0) as Cents,
    donorCount: totals?.donors ?? 0,
  };
}
