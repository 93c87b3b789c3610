/** Read models for the bond pages: the list (filter by status) and one bond with everything its forms need. */
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bondAppearances, bondApprovals, bonds, campaigns, interestRates, userRoles, users } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { bondInterest, type QuarterRate } from "@/lib/bonds/interest";
import { approvalsRequired } from "@/lib/bonds/payment";
import type { BondStatus } from "@/lib/bonds/state-machine";
import { readCaseFile } from "@/lib/case-files/store";
import type { CaseFile } from "@/lib/case-files/input";
import { AppError } from "@/lib/errors";
import { campaignAccount, getBalances } from "@/lib/ledger";
import { parseOrThrow } from "@/lib/validation";
import { requireTreasuryReader } from "@/lib/auth/treasury-reader";
import { isoDay } from "@/lib/dates";
import { env } from "@/lib/env";
import { appealDaysFor } from "@/lib/notices/deadlines";
import { i323ServedBy } from "@/lib/notices/resolve";

export const BOND_STATUSES = [
  "requested",
  "approved",
  "paid",
  "posted",
  "cancelled",
  "refund_claimed",
  "refunded",
  "breached",
  "appealed",
  "forfeited",
] as const satisfies readonly BondStatus[];

export async function listBonds(db: Db, actor: Principal | null, input: unknown) {
  requireTreasuryReader(actor);
  const q = parseOrThrow(
    z.object({ status: z.enum(BOND_STATUSES, { error: "Unknown bond status." }).optional() }),
    input,
  );
  const rows = await db
    .select({
      id: bonds.id,
      status: bonds.status,
      amountCents: bonds.amountCents,
      topUpCents: bonds.topUpCents,
      alias: campaigns.alias,
      region: campaigns.region,
      createdAt: bonds.createdAt,
      postedOn: bonds.postedOn,
      i305Number: bonds.i305Number,
    })
    .from(bonds)
    .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
    .where(q.status ? eq(bonds.status, q.status) : undefined)
    .orderBy(desc(bonds.createdAt))
    .limit(500);
  return { rows, counts: await bondCounts(db) };
}

export async function bondDetail(
  db: Db,
  actor: Principal | null,
  bondId: string,
  opts: { revealCaseFile?: boolean; today?: string } = {},
) {
  const me = requireTreasuryReader(actor);
  if (!z.uuid().safeParse(bondId).success) throw new AppError("not_found", "No such bond.");
  const [row] = await db
    .select({
      bond: bonds,
      alias: campaigns.alias,
      region: campaigns.region,
      slug: campaigns.slug,
      campaignStatus: campaigns.status,
      lawyerUserId: campaigns.lawyerUserId,
      requesterEmail: users.email,
    })
    .from(bonds)
    .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
    .leftJoin(users, eq(users.id, bonds.requestedBy))
    .where(eq(bonds.id, bondId));
  if (!row) throw new AppError("not_found", `Bond ${bondId} does not exist.`);
  const b = row.bond;
  const approvals = await db
    .select({ userId: bondApprovals.approverUserId, email: users.email, at: bondApprovals.approvedAt })
    .from(bondApprovals)
    .innerJoin(users, eq(users.id, bondApprovals.approverUserId))
    .where(eq(bondApprovals.bondId, bondId))
    .orderBy(asc(bondApprovals.approvedAt));
  const appearances = await db
    .select()
    .from(bondAppearances)
    .where(eq(bondAppearances.bondId, bondId))
    .orderBy(asc(bondAppearances.demandedFor));
  const rates: QuarterRate[] = (
    await db.select({ quarterStart: interestRates.quarterStart, rateBps: interestRates.rateBps }).from(interestRates)
  ).map((r) => ({ ...r }));
  const balances = await getBalances(db, [campaignAccount(b.campaignId), "general"]);
  // Representatives must be staff and never the campaign's own lawyer (bar ethics, enforced again in recordBondPosting).
  const staff = await db
    .selectDistinct({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(inArray(userRoles.role, ["treasurer", "admin"]))
    .orderBy(asc(users.email));
  const today = opts.today ?? isoDay(new Date());
  const isTreasurer = me.roles.includes("treasurer");
  // Reading the case file is audit-logged, so it happens only when a treasurer asks for it to pay the bond.
  let caseFile: CaseFile | null | "hidden" = "hidden";
  if (opts.revealCaseFile) caseFile = await readCaseFile(db, b.campaignId, me, "bond_payment");
  return {
    bond: b,
    campaign: {
      id: b.campaignId,
      alias: row.alias,
      region: row.region,
      slug: row.slug,
      status: row.campaignStatus,
      lawyerUserId: row.lawyerUserId,
    },
    requesterEmail: row.requesterEmail,
    approvals: approvals.map((a) => ({ email: a.email, at: a.at })),
    required: approvalsRequired(b.amountCents),
    me: {
      isTreasurer,
      isRequester: b.requestedBy === me.userId,
      hasApproved: approvals.some((a) => a.userId === me.userId),
    },
    campaignBalanceCents: balances.get(campaignAccount(b.campaignId))!,
    generalBalanceCents: balances.get("general")!,
    appearances: appearances.map((a) => ({ demandedFor: a.demandedFor, note: a.note })),
    rates,
    expectedInterestToday: expectedInterest(b.amountCents, b.postedOn, b.refundedOn ?? b.i323On ?? today, rates),
    representatives: staff.filter((s) => s.id !== row.lawyerUserId).map((s) => ({ id: s.id, email: s.email ?? s.id })),
    caseFile,
    today,
    /** Days to appeal the I-323: 30, or 33 when it was served by mail (lib/notices/deadlines.ts). */
    appealDays: appealDaysFor(b.i323On ? await i323ServedBy(db, bondId) : null, env().BOND_APPEAL_DAYS),
  };
}

export type BondDetail = Awaited<ReturnType<typeof bondDetail>>;

function expectedInterest(
  amount: number,
  postedOn: string | null,
  end: string,
  rates: QuarterRate[],
): { cents: number; error?: string } | null {
  if (!postedOn || end < postedOn) return null;
  try {
    return { cents: bondInterest(amount, postedOn, end, rates).cents };
  } catch (e) {
    return { cents: 0, error: e instanceof Error ? e.message : "Interest could not be computed." };
  }
}

/** A count per status, for the filter tabs. */
async function bondCounts(db: Db): Promise<Partial<Record<BondStatus, number>>> {
  const rows = await db
    .select({ status: bonds.status, n: sql<number>`count(*)::int` })
    .from(bonds)
    .groupBy(bonds.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
