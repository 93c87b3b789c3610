import { revalidatePath } from "next/cache";
import { log } from "@/lib/log";

/**
 * Public campaign pages are cached (ISR, see app/[locale]/campaigns/[slug]/page.tsx). Whatever
 * changes what they show — money booked by the webhook, a published edit or update, a status
 * change — calls this so the next visit renders afresh on this instance; the page's `revalidate`
 * bounds how stale any other instance can be.
 *
 * Never throws: the change it follows is already committed, and a webhook must not answer 500
 * (and be retried) for a cache. Outside a Next.js request (tests calling the route handler
 * directly, scripts) there is no cache and revalidatePath throws; that is expected.
 */
export function revalidateCampaignPages(): void {
  try {
    revalidatePath("/[locale]/campaigns/[slug]", "page");
  } catch (e) {
    log.debug(
      { err: e instanceof Error ? e.message : "unknown" },
      "campaign pages not revalidated (no Next.js request context)",
    );
  }
}
