/**
 * What the books hold for one campaign, read straight from the ledger and the
 * gift rows (not through the page's own query), so the browser tests can hold
 * every figure a donor page showed against it. Amounts and statuses only: no
 * name, no email, nothing from a case file.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bonds, campaigns, donations, recurringGifts } from "@/db/schema";
import { campaignAccount, getBalance } from "@/lib/ledger";

export interface CampaignBooks {
  /** The campaign account's balance: what it holds now. */
  balanceCents: number;
  /** What the campaign paid toward bonds at ICE (bond amount less any top-up from the general pool). */
  paidToIceCents: number;
  donations: {
    amountCents: number;
    coverFeeCents: number;
    feeCents: number | null;
    status: string;
    frequency: string;
  }[];
  recurring: { amountCents: number; coverFeeCents: number; status: string }[];
}

export async function campaignBooks(db: Db, slug: string): Promise<CampaignBooks | null> {
  const [c] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)).limit(1);
  if (!c) return null;
  const paid = await db
    .select({ amount: bonds.amountCents, topUp: bonds.topUpCents })
    .from(bonds)
    .where(and(eq(bonds.campaignId, c.id), isNotNull(bonds.paidOn)));
  return {
    balanceCents: await getBalance(db, campaignAccount(c.id)),
    paidToIceCents: paid.reduce((s, b) => s + b.amount - b.topUp, 0),
    donations: await db
      .select({
        amountCents: donations.amountCents,
        coverFeeCents: donations.coverFeeCents,
        feeCents: donations.feeCents,
        status: donations.status,
        frequency: donations.frequency,
      })
      .from(donations)
      .where(eq(donations.campaignId, c.id)),
    recurring: await db
      .select({
        amountCents: recurringGifts.amountCents,
        coverFeeCents: recurringGifts.coverFeeCents,
        status: recurringGifts.status,
      })
      .from(recurringGifts)
      .where(eq(recurringGifts.campaignId, c.id)),
  };
}
