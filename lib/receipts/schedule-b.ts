/**
 * Schedule B (Form 990): contributors whose gifts reach $5,000 in a year, with the name and address
 * Checkout collected when a single gift was $5,000 or more. The name and address are a donor's
 * private data: sealed at rest like case files (row-bound AES-GCM), read only by treasurers, and
 * every read is audited.
 */
import { inArray, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { donorContactDetails, recurringGiftContacts } from "@/db/schema";
import { audit } from "@/lib/audit";
import { SCHEDULE_B_CENTS } from "@/lib/donations/session-params";
import { seal, unseal } from "@/lib/notices/sealed";
import { giftUnion } from "./donor-gift-union";

interface DonorContact {
  name: string | null;
  address: {
    line1: string | null;
    line2: string | null;
    city: string | null;
    state: string | null;
    postal_code: string | null;
    country: string | null;
  };
}

/** The payer's name and address from a completed Checkout Session, when the gift is a Schedule B one. */
function contactOf(session: Stripe.Checkout.Session): DonorContact | null {
  const details = session.customer_details;
  if (!details?.address || (session.amount_total ?? 0) < SCHEDULE_B_CENTS) return null;
  const a = details.address;
  return {
    name: details.name?.slice(0, 200) ?? null,
    address: {
      line1: a.line1,
      line2: a.line2,
      city: a.city,
      state: a.state,
      postal_code: a.postal_code,
      country: a.country,
    },
  };
}

/** From a completed Checkout Session: keep the payer's name and address for a Schedule B gift (once). */
export async function keepDonorContact(tx: Db, donationId: string, session: Stripe.Checkout.Session): Promise<void> {
  const contact = contactOf(session);
  if (!contact) return;
  await tx
    .insert(donorContactDetails)
    .values({ donationId, envelope: seal("donor-contact", donationId, contact) })
    .onConflictDoNothing();
}

/** The same for a monthly gift of $5,000 or more: kept with the monthly gift, so every month of it has it. */
export async function keepMonthlyDonorContact(
  tx: Db,
  recurringGiftId: string,
  session: Stripe.Checkout.Session,
): Promise<void> {
  const contact = contactOf(session);
  if (!contact) return;
  await tx
    .insert(recurringGiftContacts)
    .values({ recurringGiftId, envelope: seal("monthly-donor-contact", recurringGiftId, contact) })
    .onConflictDoNothing();
}

export interface ScheduleBRow {
  email: string;
  totalCents: number;
  gifts: number;
  largestCents: number;
  /** How many of the gifts came by check, wire, cash or other (no address is collected for them). */
  offlineGifts: number;
  /** The donor's name as the treasurer recorded it on their newest offline gift (null: card only). */
  offlineName: string | null;
  contact: DonorContact | null;
}

/**
 * Donors (by email) whose gifts in `year`, card and offline, net of refunds, reach $5,000, largest first, with the
 * newest name and address collected. Audited as one read by `actorUserId`.
 */
export async function scheduleBDonors(db: Db, year: number, actorUserId: string): Promise<ScheduleBRow[]> {
  const g = giftUnion(db, { year });
  const net = sql`sum(${g.amountCents} - ${g.refundedCents})`;
  const contactRef = sql`coalesce('d:' || ${donorContactDetails.donationId}::text, 'm:' || ${recurringGiftContacts.recurringGiftId}::text)`;
  const rows = await db
    .select({
      email: g.email,
      totalCents: sql<number>`${net}::bigint`.mapWith(Number),
      gifts: sql<number>`count(*)::int`.mapWith(Number),
      offlineGifts: sql<number>`(count(*) FILTER (WHERE ${g.kind} = 'offline'))::int`.mapWith(Number),
      largestCents: sql<number>`max(${g.amountCents})::bigint`.mapWith(Number),
      // The newest gift's contact: a one-off gift's own, or its monthly gift's ("d:" / "m:" and the row's id).
      contactRef: sql<
        string | null
      >`(array_agg(${contactRef} ORDER BY ${g.at} DESC) FILTER (WHERE ${contactRef} IS NOT NULL))[1]`,
      offlineName: sql<
        string | null
      >`(array_agg(${g.donorName} ORDER BY ${g.at} DESC) FILTER (WHERE ${g.donorName} IS NOT NULL))[1]`,
    })
    .from(g)
    .leftJoin(donorContactDetails, sql`${donorContactDetails.donationId} = ${g.id} AND ${g.kind} = 'card'`)
    .leftJoin(recurringGiftContacts, sql`${recurringGiftContacts.recurringGiftId} = ${g.recurringGiftId}`)
    .groupBy(g.email)
    .having(sql`${net} >= ${SCHEDULE_B_CENTS}`)
    .orderBy(sql`2 DESC`);
  const byRef = await unsealContacts(
    db,
    rows.map((r) => r.contactRef).filter((x): x is string => Boolean(x)),
  );
  await audit(db, {
    actorUserId,
    action: "schedule_b.read",
    subjectType: "schedule_b",
    subjectId: String(year),
    details: { donors: rows.length, addresses: byRef.size },
  });
  return rows.map(({ contactRef, ...r }) => ({ ...r, contact: contactRef ? (byRef.get(contactRef) ?? null) : null }));
}

/** The sealed contacts named by "d:<donation>" / "m:<monthly gift>", opened. */
async function unsealContacts(db: Db, refs: string[]): Promise<Map<string, DonorContact>> {
  const ids = (prefix: string) => refs.filter((r) => r.startsWith(prefix)).map((r) => r.slice(2));
  const [oneOff, monthly] = [ids("d:"), ids("m:")];
  const found = new Map<string, DonorContact>();
  if (oneOff.length)
    for (const e of await db.select().from(donorContactDetails).where(inArray(donorContactDetails.donationId, oneOff)))
      found.set(`d:${e.donationId}`, unseal<DonorContact>("donor-contact", e.donationId, e.envelope));
  if (monthly.length)
    for (const e of await db
      .select()
      .from(recurringGiftContacts)
      .where(inArray(recurringGiftContacts.recurringGiftId, monthly)))
      found.set(`m:${e.recurringGiftId}`, unseal<DonorContact>("monthly-donor-contact", e.recurringGiftId, e.envelope));
  return found;
}
