/**
 * What a self-service session shows: the gifts, monthly gifts and statement years of the one
 * address the session speaks for. Every query filters on that address; a forged id for another
 * donor's gift finds nothing.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, donations, recurringGifts } from "@/db/schema";
import { now } from "@/lib/clock";
import { giftReceipt, RECEIPTED_STATUSES, type GiftReceipt } from "@/lib/receipts/gift-receipt";
import { yearOf } from "@/lib/receipts/statement";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sameEmail = (column: typeof donations.email | typeof recurringGifts.email, email: string) =>
  sql`lower(${column}) = ${email.toLowerCase()}`;

export interface DonorGiftRow {
  id: string;
  date: Date;
  alias: string;
  amountCents: number;
  coverFeeCents: number;
  refundedCents: number;
  status: string;
  frequency: "one_off" | "monthly";
}

export async function donorGifts(db: Db, email: string): Promise<DonorGiftRow[]> {
  const rows = await db
    .select({
      id: donations.id,
      date: donations.succeededAt,
      createdAt: donations.createdAt,
      alias: campaigns.alias,
      amountCents: donations.amountCents,
      coverFeeCents: donations.coverFeeCents,
      refundedCents: donations.refundedCents,
      status: donations.status,
      frequency: donations.frequency,
    })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(and(sameEmail(donations.email, email), inArray(donations.status, [...RECEIPTED_STATUSES])))
    .orderBy(desc(donations.succeededAt))
    .limit(500);
  return rows.map(({ createdAt, date, ...r }) => ({ ...r, date: date ?? createdAt }));
}

/** Finished years with at least one gift, newest first (a statement exists for each). */
export function statementYears(gifts: readonly DonorGiftRow[], at: Date = now()): number[] {
  const current = yearOf(at);
  return [...new Set(gifts.map((g) => yearOf(g.date)))].filter((y) => y < current).sort((a, b) => b - a);
}

export interface DonorMonthlyRow {
  id: string;
  alias: string;
  amountCents: number;
  coverFeeCents: number;
  status: "pending" | "active" | "cancelled";
  hasSubscription: boolean;
}

export async function donorMonthlyGifts(db: Db, email: string): Promise<DonorMonthlyRow[]> {
  const rows = await db
    .select({
      id: recurringGifts.id,
      alias: campaigns.alias,
      amountCents: recurringGifts.amountCents,
      coverFeeCents: recurringGifts.coverFeeCents,
      status: recurringGifts.status,
      subscriptionId: recurringGifts.subscriptionId,
    })
    .from(recurringGifts)
    .innerJoin(campaigns, eq(campaigns.id, recurringGifts.campaignId))
    .where(and(sameEmail(recurringGifts.email, email), eq(recurringGifts.status, "active")))
    .orderBy(desc(recurringGifts.createdAt))
    .limit(50);
  return rows.map(({ subscriptionId, ...r }) => ({ ...r, hasSubscription: Boolean(subscriptionId) }));
}

/** The receipt of one of this donor's gifts; null for anyone else's (or a malformed id). */
export async function donorReceipt(db: Db, email: string, donationId: string): Promise<GiftReceipt | null> {
  if (!UUID.test(donationId)) return null;
  const r = await giftReceipt(db, donationId);
  return r && r.email?.trim().toLowerCase() === email.toLowerCase() ? r : null;
}
