/** Read models for the treasurer's gifts page: recent gifts, disputes and their effect, cancelled campaigns awaiting resolution. */
import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, donations, stripeDisputes } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { requireTreasuryReader } from "@/lib/auth/treasury-reader";
import { giftColumns } from "./gift-columns";
import { campaignAccount, getBalance } from "@/lib/ledger";
import { paymentShareOfCampaign } from "@/lib/ledger/queries";

export async function giftsOverview(db: Db, actor: Principal | null) {
  requireTreasuryReader(actor);
  const gifts = await db
    .select({
      id: donations.id,
      at: donations.succeededAt,
      alias: campaigns.alias,
      amount: donations.amountCents,
      fee: donations.feeCents,
      refunded: donations.refundedCents,
      status: donations.status,
      frequency: donations.frequency,
    })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(inArray(donations.status, ["succeeded", "partially_refunded", "refunded", "disputed"]))
    .orderBy(sql`${donations.succeededAt} DESC NULLS LAST`)
    .limit(100);
  const disputes = await db
    .select({
      id: stripeDisputes.id,
      donationId: stripeDisputes.donationId,
      alias: campaigns.alias,
      amount: stripeDisputes.amountCents,
      status: stripeDisputes.status,
      withdrawn: stripeDisputes.fundsWithdrawn,
      reinstated: stripeDisputes.fundsReinstated,
      updatedAt: stripeDisputes.updatedAt,
    })
    .from(stripeDisputes)
    .innerJoin(donations, eq(donations.id, stripeDisputes.donationId))
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .orderBy(desc(stripeDisputes.updatedAt));
  const cancelled = await db
    .select({ id: campaigns.id, alias: campaigns.alias, region: campaigns.region })
    .from(campaigns)
    .where(eq(campaigns.status, "cancelled"));
  return { gifts, disputes, cancelled };
}

export async function giftDetail(db: Db, actor: Principal | null, id: string) {
  requireTreasuryReader(actor);
  const [g] = await db
    .select({ ...giftColumns, campaignId: donations.campaignId, consent: donations.redirectConsent })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(eq(donations.id, id));
  if (!g) return null;
  // What a refund would take from where (lib/payments/webhooks/books.ts campaignThenGeneral): this gift's
  // share of its campaign, as far as the campaign still holds it; the general pool covers the rest.
  const [held, share] = await Promise.all([
    getBalance(db, campaignAccount(g.campaignId)),
    g.pi ? paymentShareOfCampaign(db, g.campaignId, g.pi) : Promise.resolve(0),
  ]);
  return { ...g, campaignHeld: held, campaignShare: share };
}
