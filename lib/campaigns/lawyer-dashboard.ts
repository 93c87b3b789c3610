/** Read models for a lawyer's own pages: their campaigns with money from the ledger, their profile, one campaign to edit. */
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { bonds, campaignEvents, campaigns, lawyerProfiles } from "@/db/schema";
import { requireRole, type Principal } from "@/lib/auth/roles";
import type { CaseFile } from "@/lib/case-files/input";
import { readCaseFile } from "@/lib/case-files/store";
import { getBalances } from "@/lib/ledger";
import { campaignAccount } from "@/lib/ledger/accounts";
import type { Cents } from "@/lib/money";
import { ownedCampaign } from "./authoring";
import { raisedByCampaign } from "@/lib/ledger/queries";
import type { CampaignStatus } from "./queries";

export interface LawyerCampaignRow {
  id: string;
  slug: string;
  alias: string;
  region: string;
  status: CampaignStatus;
  goalCents: Cents;
  raisedCents: Cents;
  /** What the campaign's fund account holds now (raised minus fees and bond payments). */
  balanceCents: Cents;
  submittedAt: Date | null;
  publishedAt: Date | null;
  reviewNotes: string | null;
  pendingEdit: boolean;
  /** The lawyer's own other campaigns with the same A-number (another lawyer's are for the admin only). */
  duplicateCount: number;
}

export async function listLawyerCampaigns(db: Db, actor: Principal | null): Promise<LawyerCampaignRow[]> {
  const lawyer = requireRole(actor, "lawyer");
  const mine = eq(campaigns.lawyerUserId, lawyer.userId);
  const rows = await db.select().from(campaigns).where(mine).orderBy(desc(campaigns.updatedAt));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [raised, balances, dupes] = await Promise.all([
    raisedByCampaign(db, mine),
    getBalances(db, ids.map(campaignAccount)),
    duplicateCounts(db, ids, { sameLawyer: true }),
  ]);
  return rows.map((c) => ({
    id: c.id,
    slug: c.slug,
    alias: c.alias,
    region: c.region,
    status: c.status,
    goalCents: c.goalCents as Cents,
    raisedCents: (raised.get(c.id)?.raised ?? 0) as Cents,
    balanceCents: balances.get(campaignAccount(c.id)) ?? (0 as Cents),
    submittedAt: c.submittedAt,
    publishedAt: c.publishedAt,
    reviewNotes: c.reviewNotes,
    pendingEdit: c.pendingPublic !== null,
    duplicateCount: dupes.get(c.id) ?? 0,
  }));
}

/**
 * Compares keyed A-number hashes only: no case file is decrypted to draw the dashboard.
 * `sameLawyer` counts only campaigns of the same lawyer: what a lawyer may be shown (finding 8).
 */
export async function duplicateCounts(
  db: Db,
  ids: string[],
  opts: { sameLawyer?: boolean } = {},
): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const sameLawyer = opts.sameLawyer
    ? sql`JOIN campaigns fc ON fc.id = f.campaign_id JOIN campaigns oc ON oc.id = o.campaign_id AND oc.lawyer_user_id = fc.lawyer_user_id`
    : sql``;
  const rows = rowsOf<{ id: string; n: number }>(
    await db.execute(sql`
      SELECT f.campaign_id AS id, count(*)::int AS n
        FROM case_files f JOIN case_files o ON o.a_number_hash = f.a_number_hash AND o.campaign_id <> f.campaign_id
        ${sameLawyer}
       WHERE ${inArray(sql`f.campaign_id`, ids)}
       GROUP BY f.campaign_id`),
  );
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export type LawyerProfile = typeof lawyerProfiles.$inferSelect;

/** The signed-in person's own lawyer profile (any signed-in user may have one), or null. */
export async function myLawyerProfile(db: Db, actor: Principal | null): Promise<LawyerProfile | null> {
  const me = requireRole(actor);
  const [row] = await db.select().from(lawyerProfiles).where(eq(lawyerProfiles.userId, me.userId));
  return row ?? null;
}

export interface LawyerCampaignDetail {
  campaign: typeof campaigns.$inferSelect;
  /** Decrypted only while the draft is editable; the read is audit-logged as lawyer_edit. */
  caseFile: CaseFile | null;
  events: { kind: string; reasonCode: string | null; note: string; at: Date }[];
  duplicateCount: number;
  /** From the ledger: gifts booked to the campaign, and what its fund account holds now (net of fees and bond payments). */
  money: { raisedCents: number; heldCents: number };
  /** The campaign's latest bond, if any (amounts and dates only). */
  bond: CampaignBond | null;
  /** Live or funded with no bond in progress: the request-bond page accepts a request. */
  canRequestBond: boolean;
}

export interface CampaignBond {
  id: string;
  status: (typeof bonds.status.enumValues)[number];
  amountCents: number;
  topUpCents: number;
  requestedAt: Date;
  paidOn: string | null;
  postedOn: string | null;
}

const CLOSED_BOND = ["refunded", "forfeited"];

export async function lawyerCampaignDetail(
  db: Db,
  actor: Principal | null,
  campaignId: string,
): Promise<LawyerCampaignDetail> {
  const lawyer = requireRole(actor, "lawyer");
  const campaign = await ownedCampaign(db, lawyer, campaignId, [...campaigns.status.enumValues]);
  const caseFile = campaign.status === "draft" ? await readCaseFile(db, campaignId, lawyer, "lawyer_edit") : null;
  const events = await db
    .select({
      kind: campaignEvents.kind,
      reasonCode: campaignEvents.reasonCode,
      note: campaignEvents.note,
      at: campaignEvents.createdAt,
    })
    .from(campaignEvents)
    .where(and(eq(campaignEvents.campaignId, campaignId), ne(campaignEvents.kind, "submitted")))
    .orderBy(desc(campaignEvents.createdAt))
    .limit(20);
  const [dupes, raised, held, [bond]] = await Promise.all([
    duplicateCounts(db, [campaignId], { sameLawyer: true }),
    raisedByCampaign(db, eq(campaigns.id, campaignId)),
    getBalances(db, [campaignAccount(campaignId)]),
    db
      .select({
        id: bonds.id,
        status: bonds.status,
        amountCents: bonds.amountCents,
        topUpCents: bonds.topUpCents,
        requestedAt: bonds.createdAt,
        paidOn: bonds.paidOn,
        postedOn: bonds.postedOn,
      })
      .from(bonds)
      .where(eq(bonds.campaignId, campaignId))
      .orderBy(desc(bonds.createdAt))
      .limit(1),
  ]);
  const openBond = bond && !CLOSED_BOND.includes(bond.status);
  return {
    campaign,
    caseFile,
    events,
    duplicateCount: dupes.get(campaignId) ?? 0,
    money: {
      raisedCents: raised.get(campaignId)?.raised ?? 0,
      heldCents: held.get(campaignAccount(campaignId)) ?? 0,
    },
    bond: bond ?? null,
    canRequestBond: !openBond && ["live", "funded"].includes(campaign.status),
  };
}
