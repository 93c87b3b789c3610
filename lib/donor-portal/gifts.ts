/**
 * What a self-service session shows: the gifts, monthly gifts and statement years of the one
 * address the session speaks for. Every query filters on that address; a forged id for another
 * donor's gift finds nothing.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, recurringGifts } from "@/db/schema";
import { now } from "@/lib/clock";
import type { ReceiptText } from "@/lib/mail/receipt";
import { offlineGiftReceipt } from "@/lib/offline-gifts/receipt";
import { giftColumns, giftUnion, toUnionGift, type UnionGift } from "@/lib/receipts/donor-gift-union";
import { giftReceipt } from "@/lib/receipts/gift-receipt";
import { yearOf } from "@/lib/receipts/statement";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sameEmail = (column: typeof recurringGifts.email, email: string) =>
  sql`lower(${column}) = ${email.toLowerCase()}`;

export interface DonorGiftRow extends UnionGift {
  status: string;
  frequency: "one_off" | "monthly";
}

/** The session's gifts, card and offline, newest first (offline: not reversed, recorded with this email). */
export async function donorGifts(db: Db, email: string): Promise<DonorGiftRow[]> {
  const g = giftUnion(db, { email });
  const rows = await db
    .select({ ...giftColumns(g), status: g.status, frequency: g.frequency })
    .from(g)
    .orderBy(sql`${g.at} DESC`)
    .limit(500);
  return rows.map((r) => ({ ...toUnionGift(r), status: r.status, frequency: r.frequency }));
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

/** The receipt of one of this donor's gifts, card or offline; null for anyone else's (or a malformed id). */
export async function donorReceipt(db: Db, email: string, giftId: string): Promise<ReceiptText | null> {
  if (!UUID.test(giftId)) return null;
  const r = (await giftReceipt(db, giftId)) ?? (await offlineGiftReceipt(db, giftId));
  return r && r.email?.trim().toLowerCase() === email.toLowerCase() ? r : null;
}
