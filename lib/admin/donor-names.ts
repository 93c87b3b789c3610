/**
 * The donor-wall name review (issue 11, finding 2). A name a donor typed is public only after an
 * admin approves it; the PII guard's findings against the campaign's case file are shown to the
 * reviewer here and nowhere else, so no donor can learn from the wall what the case file holds.
 * Admins only: privacy review is the admin's duty, and a treasurer has no need for case-file hints.
 * The queue and its count; the decisions: donor-name-decisions.ts.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, donations, offlineGifts } from "@/db/schema";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { identifiersOf, readCaseFile } from "@/lib/case-files/store";
import { checkPublicText } from "@/lib/privacy/pii-guard";
import type { Finding } from "@/lib/privacy/types";

const FIELD = "donorWallName";
export const QUEUE_LIMIT = 200;

export interface DonorNameRow {
  /** The gift's id: a card gift (donations) or an offline gift a treasurer recorded (offline_gifts). */
  donationId: string;
  campaignId: string;
  alias: string;
  /** The name as the donor typed it: for the reviewer's eyes only. */
  name: string;
  blocked: Finding[];
  flagged: Finding[];
  /** The campaign has no case file to compare with (the guard ran on nothing). */
  noCaseFile: boolean;
}

// Same monthly gift and same name, already decided: the later payment follows that decision.
const decidedSibling = sql`EXISTS (
  SELECT 1 FROM donations o
   WHERE o.recurring_gift_id = ${donations.recurringGiftId}
     AND o.display_name = ${donations.displayName}
     AND o.display_name_review <> 'pending')`;

const onTheWall = inArray(donations.status, ["succeeded", "partially_refunded"]);

/** A name typed for the wall and not decided yet, on a card gift or an offline gift. */
export const nameWaiting = (t: typeof donations | typeof offlineGifts) =>
  and(isNotNull(t.displayName), eq(t.displayNameReview, "pending"));

const cardWaiting = and(nameWaiting(donations), onTheWall, sql`NOT ${decidedSibling}`);
const offlineWaiting = and(nameWaiting(offlineGifts), isNull(offlineGifts.reversedAt));

/** Per campaign, the guard against its case file (null: the campaign has none). */
export async function guardFor(db: Db, admin: Principal, campaignIds: string[]) {
  const guards = new Map<string, ((name: string) => { blocked: Finding[]; flagged: Finding[] }) | null>();
  for (const id of new Set(campaignIds)) {
    const cf = await readCaseFile(db, id, admin, "pii_guard");
    guards.set(id, cf ? (name) => checkPublicText({ [FIELD]: name }, identifiersOf(cf)) : null);
  }
  return guards;
}

/** Names waiting for review, oldest gift first, each with what the guard found. */
export async function donorNameQueue(db: Db, actor: Principal | null): Promise<DonorNameRow[]> {
  const admin = requireRole(actor, "admin");
  const rows = await db
    .select({
      donationId: donations.id,
      campaignId: donations.campaignId,
      alias: campaigns.alias,
      name: donations.displayName,
    })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(cardWaiting)
    .orderBy(asc(donations.succeededAt), asc(donations.id))
    .limit(QUEUE_LIMIT);
  // Names a treasurer typed for a check or cash gift: a detainee's name can slip in there too.
  const offline = await db
    .select({
      donationId: offlineGifts.id,
      campaignId: sql<string>`${offlineGifts.campaignId}`,
      alias: campaigns.alias,
      name: offlineGifts.displayName,
    })
    .from(offlineGifts)
    .innerJoin(campaigns, eq(campaigns.id, offlineGifts.campaignId))
    .where(offlineWaiting)
    .orderBy(asc(offlineGifts.createdAt), asc(offlineGifts.id))
    .limit(Math.max(0, QUEUE_LIMIT - rows.length));
  rows.push(...offline);
  const guards = await guardFor(
    db,
    admin,
    rows.map((r) => r.campaignId),
  );
  return rows.map((r) => {
    const guard = guards.get(r.campaignId);
    const found = guard ? guard(r.name!) : { blocked: [], flagged: [] };
    return { ...r, name: r.name!, blocked: found.blocked, flagged: found.flagged, noCaseFile: !guard };
  });
}

/** How many names wait, for the admin's home page (no case file is read to count). */
export async function donorNamesWaiting(db: Db, actor: Principal | null): Promise<number> {
  requireRole(actor, "admin");
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(donations)
    .where(cardWaiting);
  const [off] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(offlineGifts)
    .where(offlineWaiting);
  return Number(row?.n ?? 0) + Number(off?.n ?? 0);
}
