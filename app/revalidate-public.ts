import { revalidatePath } from "next/cache";

/**
 * Public campaign pages are cached (ISR, see app/[locale]/campaigns/[slug]/page.tsx). Whatever
 * changes what they show — money booked by the webhook, a published edit or update, a status
 * change — calls this so the next visit renders afresh on this instance; the page's `revalidate`
 * bounds how stale any other instance can be.
 */
export function revalidateCampaignPages(): void {
  revalidatePath("/[locale]/campaigns/[slug]", "page");
}
