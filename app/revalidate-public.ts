import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";
import { getDb } from "@/db";
import { databaseIdentity } from "@/db/schema";
import { listCampaignUpdates, listDonorWall } from "@/lib/campaigns/campaign-page";
import { getPublicCampaign, listCampaignCards, type CampaignCard, type CampaignStatus } from "@/lib/campaigns/queries";
import { log } from "@/lib/log";

/** The cache tag of every public campaign figure: the home page's cards and each campaign page's data. */
const PUBLIC_CAMPAIGNS_TAG = "public-campaigns";

/**
 * What public pages read is cached: each campaign page's data (publicCampaignPage) and the home
 * page's campaign cards (publicCampaignCards), for 30 s under one tag; their HTML is cached too
 * (lib/cache/public-html.ts, 5 s). Whatever changes what they show — money booked by the webhook,
 * a published edit or update, a status change — calls this so the next visit renders afresh; the
 * cache handler (lib/cache/broadcast-cache-handler.cjs) counts the revalidation for the HTML cache
 * and tells the other app instances through PostgreSQL, and the `revalidate` bounds how stale a
 * missed message leaves them.
 *
 * Never throws: the change it follows is already committed, and a webhook must not answer 500
 * (and be retried) for a cache. Outside a Next.js request (tests calling the route handler
 * directly, scripts) there is no cache and revalidatePath throws; that is expected.
 */
export function revalidateCampaignPages(): void {
  try {
    revalidatePath("/[locale]/campaigns/[slug]", "page");
    // Expire at once (not stale-while-revalidate): the next visitor sees the new figure.
    revalidateTag(PUBLIC_CAMPAIGNS_TAG, { expire: 0 });
  } catch (e) {
    log.debug(
      { err: e instanceof Error ? e.message : "unknown" },
      "campaign pages not revalidated (no Next.js request context)",
    );
  }
}

/**
 * The database's id (migration 0029), read once per process. It is part of every cached public
 * figure's key: Next.js keeps the data cache on disk with the build, so a server started on another
 * database must not find the old database's figures there.
 */
let identity: Promise<string> | undefined;
function databaseId(): Promise<string> {
  identity ??= (async () => {
    const [row] = await (await getDb()).select({ id: databaseIdentity.id }).from(databaseIdentity).limit(1);
    return row?.id ?? "none";
  })().catch((e: unknown) => {
    identity = undefined; // a database fault: read it again on the next visit
    throw e;
  });
  return identity;
}

const cachedCards = unstable_cache(
  async (statuses: CampaignStatus[], _db: string) => listCampaignCards(await getDb(), statuses),
  ["public-campaign-cards"],
  { revalidate: 30, tags: [PUBLIC_CAMPAIGNS_TAG] },
);

/**
 * The home page's campaign cards for `statuses`, cached like the campaign pages (30 s, and on
 * demand by revalidateCampaignPages), so a visit does not sum the books of every live campaign.
 */
export async function publicCampaignCards(statuses: CampaignStatus[]): Promise<CampaignCard[]> {
  const cards = await cachedCards([...statuses].sort(), await databaseId());
  // The data cache stores JSON: dates come back as strings.
  return cards.map((c) => ({ ...c, publishedAt: c.publishedAt === null ? null : new Date(c.publishedAt) }));
}

const cachedPage = unstable_cache(
  async (slug: string, showAmounts: boolean, _db: string) => {
    const db = await getDb();
    const campaign = await getPublicCampaign(db, slug);
    if (!campaign) return null;
    const [updates, wall] = await Promise.all([
      listCampaignUpdates(db, campaign.id),
      listDonorWall(db, campaign.id, { showAmounts }),
    ]);
    return { campaign, updates, wall };
  },
  ["public-campaign-page"],
  { revalidate: 30, tags: [PUBLIC_CAMPAIGNS_TAG] },
);

/**
 * One public campaign page's data (the campaign with its running totals, updates, donor wall),
 * cached per slug like the cards: a visit renders, it does not query. Null when not public.
 * One tag for all campaigns: whatever books money also changes the home page's cards, and a
 * miss reads running totals (a few ms whatever the size of the ledger).
 */
export async function publicCampaignPage(slug: string, showAmounts: boolean) {
  const page = await cachedPage(slug, showAmounts, await databaseId());
  if (!page) return null;
  // The data cache stores JSON: dates come back as strings.
  const { campaign: c } = page;
  return {
    campaign: { ...c, publishedAt: c.publishedAt === null ? null : new Date(c.publishedAt) },
    updates: page.updates.map((u) => ({ ...u, publishedAt: new Date(u.publishedAt) })),
    wall: page.wall,
  };
}
