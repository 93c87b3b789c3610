/**
 * Every received gift with a donor email, card (Stripe `donations`) and offline (`offline_gifts`:
 * checks, wires, cash; not reversed) alike, as one subquery: the year-end statement, the January
 * job, Schedule B and self-service all read gifts through it. A year is the fund's calendar year:
 * instants for card gifts, the fund-local `received_on` date for offline ones.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { campaigns, donations, offlineGifts } from "@/db/schema";
import { env } from "@/lib/env";
import { zonedInstant } from "@/lib/notices/zoned-time";
import { RECEIPTED_STATUSES } from "./gift-receipt";

type GiftKind = "card" | "offline";

export interface UnionGift {
  id: string;
  date: Date;
  /** Null: the general pool. */
  alias: string | null;
  amountCents: number;
  coverFeeCents: number;
  refundedCents: number;
  locale: string;
  kind: GiftKind;
  /** Paid by bank debit (ACH): its fee cover was toward bank fees, not card fees. */
  bank: boolean;
}

export function giftUnion(db: Db, only: { email?: string; year?: number }) {
  const email = only.email?.trim().toLowerCase();
  const cardWhere: SQL[] = [isNotNull(donations.email), inArray(donations.status, [...RECEIPTED_STATUSES])];
  const offlineWhere: SQL[] = [isNotNull(offlineGifts.email), isNull(offlineGifts.reversedAt)];
  if (email !== undefined) {
    cardWhere.push(sql`lower(${donations.email}) = ${email}`);
    offlineWhere.push(sql`lower(${offlineGifts.email}) = ${email}`);
  }
  if (only.year !== undefined) {
    const { from, to } = yearBounds(only.year);
    cardWhere.push(gte(donations.succeededAt, from), lt(donations.succeededAt, to));
    offlineWhere.push(
      gte(offlineGifts.receivedOn, `${only.year}-01-01`),
      lt(offlineGifts.receivedOn, `${only.year + 1}-01-01`),
    );
  }
  const card = db
    .select({
      id: sql<string>`${donations.id}`.as("id"),
      email: sql<string>`lower(trim(${donations.email}))`.as("email"),
      at: sql<string>`coalesce(${donations.succeededAt}, ${donations.createdAt})`.as("at"),
      receivedOn: sql<string | null>`NULL::date`.as("received_on"),
      alias: sql<string | null>`${campaigns.alias}`.as("alias"),
      amountCents: sql<string>`${donations.amountCents}`.as("amount_cents"),
      coverFeeCents: sql<string>`${donations.coverFeeCents}`.as("cover_fee_cents"),
      refundedCents: sql<string>`${donations.refundedCents}`.as("refunded_cents"),
      locale: sql<string>`${donations.locale}`.as("locale"),
      kind: sql<GiftKind>`'card'`.as("kind"),
      bank: sql<boolean>`coalesce(${donations.paymentMethod} = 'us_bank_account', false)`.as("bank"),
      status: sql<string>`${donations.status}`.as("status"),
      frequency: sql<"one_off" | "monthly">`${donations.frequency}`.as("frequency"),
      donorName: sql<string | null>`NULL::text`.as("donor_name"),
      recurringGiftId: sql<string | null>`${donations.recurringGiftId}`.as("monthly_gift_id"),
    })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(and(...cardWhere));
  const offline = db
    .select({
      id: sql<string>`${offlineGifts.id}`.as("id"),
      email: sql<string>`lower(trim(${offlineGifts.email}))`.as("email"),
      // Noon UTC of the day received: only for ordering; `date` below is noon in the fund's zone.
      at: sql<string>`(${offlineGifts.receivedOn} + time '12:00') AT TIME ZONE 'UTC'`.as("at"),
      receivedOn: sql<string | null>`${offlineGifts.receivedOn}`.as("received_on"),
      alias: sql<string | null>`${campaigns.alias}`.as("alias"),
      amountCents: sql<string>`${offlineGifts.amountCents}`.as("amount_cents"),
      coverFeeCents: sql<string>`0::bigint`.as("cover_fee_cents"),
      refundedCents: sql<string>`0::bigint`.as("refunded_cents"),
      locale: sql<string>`${offlineGifts.locale}`.as("locale"),
      kind: sql<GiftKind>`'offline'`.as("kind"),
      bank: sql<boolean>`false`.as("bank"),
      status: sql<string>`'succeeded'`.as("status"),
      frequency: sql<"one_off" | "monthly">`'one_off'`.as("frequency"),
      donorName: sql<string | null>`${offlineGifts.donorName}`.as("donor_name"),
      recurringGiftId: sql<string | null>`NULL::uuid`.as("monthly_gift_id"),
    })
    .from(offlineGifts)
    .leftJoin(campaigns, eq(campaigns.id, offlineGifts.campaignId))
    .where(and(...offlineWhere));
  return unionAll(card, offline).as("g");
}

/** The instants that bound a calendar year in the fund's time zone. */
function yearBounds(year: number, tz: string = env().FUND_TIME_ZONE): { from: Date; to: Date } {
  return { from: zonedInstant(`${year}-01-01`, "00:00", tz), to: zonedInstant(`${year + 1}-01-01`, "00:00", tz) };
}

type GiftSubquery = ReturnType<typeof giftUnion>;

/** The row shape every list reader selects from the union. */
export const giftColumns = (g: GiftSubquery) => ({
  id: g.id,
  at: g.at,
  receivedOn: g.receivedOn,
  alias: g.alias,
  amountCents: g.amountCents,
  coverFeeCents: g.coverFeeCents,
  refundedCents: g.refundedCents,
  locale: g.locale,
  kind: g.kind,
  bank: g.bank,
});

/** A selected row as a gift: numbers as numbers, an offline gift dated noon of its day in the fund's zone. */
export function toUnionGift(r: {
  id: string;
  at: string | Date;
  receivedOn: string | null;
  alias: string | null;
  amountCents: string | number;
  coverFeeCents: string | number;
  refundedCents: string | number;
  locale: string;
  kind: GiftKind;
  bank: boolean;
}): UnionGift {
  return {
    id: r.id,
    date: r.receivedOn
      ? zonedInstant(String(r.receivedOn).slice(0, 10), "12:00", env().FUND_TIME_ZONE)
      : new Date(r.at),
    alias: r.alias,
    amountCents: Number(r.amountCents),
    coverFeeCents: Number(r.coverFeeCents),
    refundedCents: Number(r.refundedCents),
    locale: r.locale,
    kind: r.kind,
    bank: Boolean(r.bank),
  };
}

/** One donor's gifts (all years, or one year), oldest first. */
export async function donorUnionGifts(db: Db, email: string, year?: number, limit = 1000): Promise<UnionGift[]> {
  const g = giftUnion(db, { email, year });
  const rows = await db
    .select(giftColumns(g))
    .from(g)
    .orderBy(sql`${g.at} DESC`)
    .limit(limit);
  return rows.map(toUnionGift).sort((a, b) => a.date.getTime() - b.date.getTime());
}
