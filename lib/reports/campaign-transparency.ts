/**
 * Where one public campaign's money is: the fund-wide transparency figures
 * restricted to that campaign's journal entries, plus what its fund still
 * holds. Reads public campaign columns and the ledger only — never a case file
 * and never a bond row (I-305 numbers, exact dates); bond events by month.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { PUBLIC_STATUSES, type CampaignStatus } from "@/lib/campaigns/queries";
import { campaignAccount, getBalance, kindTotals, sumKinds } from "@/lib/ledger";
import { transparency, type Transparency } from "./transparency";

export interface CampaignTransparency {
  campaign: { slug: string; alias: string; region: string; status: CampaignStatus };
  /**
   * `held`: money given for this campaign and not yet spent (its restricted fund);
   * `movedToGeneral`: what left it for the general pool (overfunding at posting, or a consented redirect).
   */
  figures: Transparency & { held: number; movedToGeneral: number };
}

export async function campaignTransparency(db: Db, slug: string): Promise<CampaignTransparency | null> {
  const [c] = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      alias: campaigns.alias,
      region: campaigns.region,
      status: campaigns.status,
    })
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), inArray(campaigns.status, PUBLIC_STATUSES)))
    .limit(1);
  if (!c) return null;
  const account = campaignAccount(c.id);
  const [figures, held] = [await transparency(db, c.id), await getBalance(db, account)];
  // Reallocations debit the campaign (a fund account): the signed posting sum is minus the normal-side total.
  const moved = -sumKinds((await kindTotals(db, [account])).get(account), ["reallocation"]);
  return {
    campaign: { slug: c.slug, alias: c.alias, region: c.region, status: c.status },
    figures: { ...figures, held, movedToGeneral: moved },
  };
}
