import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";
import { getDb } from "@/db";
import { listCampaignCards, type CampaignCard, type CampaignStatus } from "@/lib/campaigns/queries";
import { log } from "@/lib/log";

/** The cache tag of every public campaign figure outside the campaign pages themselves (the home page's cards). */
const PUBLIC_CAMPAIGNS_TAG = "public-campaigns";

/**
 * Public campaign pages are cached (ISR, see app/[locale]/campaigns/[slug]/page.tsx), and so are
 * the home page's campaign cards (publicCampaignCards). Whatever changes what they show — money
 * booked by the webhook, a published edit or update, a status change — calls this so the next
 * visit renders afresh; the cache handler (lib/cache/broadcast-cache-handler.cjs) tells the other
 * app instances through PostgreSQL, and the `revalidate` bounds how stale a missed message leaves them.
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

const cachedCards = unstable_cache(
  async (statuses: CampaignStatus[]) => listCampaignCards(await getDb(), statuses),
  ["public-campaign-cards"],
  { revalidate: 30, tags: [PUBLIC_CAMPAIGNS_TAG] },
);

/**
 * The home page's campaign cards for `statuses`, cached like the campaign pages (30 s, and on
 * demand by revalidateCampaignPages), so a visit does not sum the books of every live campaign.
 */
export async function publicCampaignCards(statuses: CampaignStatus[]): Promise<CampaignCard[]> {
  const cards = await cachedCards([...statuses].sort());
  // The data cache stores JSON: dates come back as strings.
  return cards.map((c) => ({ ...c, publishedAt: c.publishedAt === null ? null : new Date(c.publishedAt) }));
}
