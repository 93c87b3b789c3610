/**
 * Schedule B (Form 990): contributors whose gifts reach $5,000 in a year, with the name and address
 * Checkout collected when a single gift was $5,000 or more. The name and address are a donor's
 * private data: sealed at rest like case files (row-bound AES-GCM), read only by treasurers, and
 * every read is audited.
 */
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { donations, donorContactDetails } from "@/db/schema";
import { audit } from "@/lib/audit";
import { SCHEDULE_B_CENTS } from "@/lib/donations/session-params";
import { seal, unseal } from "@/lib/notices/sealed";
import { RECEIPTED_STATUSES } from "./gift-receipt";
import { yearBounds } from "./statement";

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

/** From a completed Checkout Session: keep the payer's name and address for a Schedule B gift (once). */
export async function keepDonorContact(tx: Db, donationId: string, session: Stripe.Checkout.Session): Promise<void> {
  const details = session.customer_details;
  if (!details?.address || (session.amount_total ?? 0) < SCHEDULE_B_CENTS) return;
  const a = details.address;
  const contact: DonorContact = {
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
  await tx
    .insert(donorContactDetails)
    .values({ donationId, envelope: seal("donor-contact", donationId, contact) })
    .onConflictDoNothing();
}

export interface ScheduleBRow {
  email: string;
  totalCents: number;
  gifts: number;
  largestCents: number;
  contact: DonorContact | null;
}

/**
 * Donors (by email) whose gifts in `year`, net of refunds, reach $5,000, largest first, with the
 * newest name and address collected. Audited as one read by `actorUserId`.
 */
export async function scheduleBDonors(db: Db, year: number, actorUserId: string): Promise<ScheduleBRow[]> {
  const { from, to } = yearBounds(year);
  const email = sql<string>`lower(${donations.email})`;
  const net = sql<number>`sum(${donations.amountCents} - ${donations.refundedCents})::bigint`.mapWith(Number);
  const rows = await db
    .select({
      email,
      totalCents: net,
      gifts: sql<number>`count(*)::int`.mapWith(Number),
      largestCents: sql<number>`max(${donations.amountCents})::bigint`.mapWith(Number),
      contactId: sql<
        string | null
      >`(array_agg(${donorContactDetails.donationId} ORDER BY ${donations.succeededAt} DESC) FILTER (WHERE ${donorContactDetails.donationId} IS NOT NULL))[1]`,
    })
    .from(donations)
    .leftJoin(donorContactDetails, eq(donorContactDetails.donationId, donations.id))
    .where(
      and(
        sql`${donations.email} IS NOT NULL`,
        inArray(donations.status, [...RECEIPTED_STATUSES]),
        gte(donations.succeededAt, from),
        lt(donations.succeededAt, to),
      ),
    )
    .groupBy(email)
    .having(sql`sum(${donations.amountCents} - ${donations.refundedCents}) >= ${SCHEDULE_B_CENTS}`)
    .orderBy(sql`2 DESC`);
  const ids = rows.map((r) => r.contactId).filter((x): x is string => Boolean(x));
  const envelopes = ids.length
    ? await db.select().from(donorContactDetails).where(inArray(donorContactDetails.donationId, ids))
    : [];
  const byId = new Map(
    envelopes.map((e) => [e.donationId, unseal<DonorContact>("donor-contact", e.donationId, e.envelope)]),
  );
  await audit(db, {
    actorUserId,
    action: "schedule_b.read",
    subjectType: "schedule_b",
    subjectId: String(year),
    details: { donors: rows.length, addresses: byId.size },
  });
  return rows.map(({ contactId, ...r }) => ({ ...r, contact: contactId ? (byId.get(contactId) ?? null) : null }));
}
