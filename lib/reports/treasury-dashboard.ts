/**
 * The treasurer's home (UX.md "Staff pages"): money available now by fund,
 * where the money is, bonds waiting for people, and watchdogs for money that
 * should have come back by now. Balances are the ledger's cached balances.
 */
import { and, asc, eq, inArray, lt, max, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bondApprovals, bonds, campaignEvents, campaigns, stripeDisputes } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { appealWindow, type AppealWindow } from "@/lib/bonds/appeal-window";
import { appealDaysFor } from "@/lib/notices/deadlines";
import { i323ServedByBonds } from "@/lib/notices/resolve";
import { approvalsRequired } from "@/lib/bonds/payment";
import { OPEN_AT_ICE } from "@/lib/bonds/state-machine";
import { env } from "@/lib/env";
import { payoutsNeedingAttention, type PayoutAttention } from "@/lib/reconciliation/payouts-attention";
import { requireTreasuryReader } from "@/lib/auth/treasury-reader";
import { daysBefore, daysSince, isoDay } from "@/lib/dates";
import { fundsAndAssets, type FundLine, type MoreFunds } from "./dashboard-funds";

/** Rows each list shows, oldest first; `totals` counts them all and the page links to the full list. */
const LIST_LIMIT = 25;
/** Every row's `count(*) OVER ()`: the whole list's length, read before LIMIT cuts it. */
const totalRows = sql<number>`count(*) over ()`.mapWith(Number);

/** Days after the lawyer marks the person released (case over) before a missing I-391 is flagged. */
function i391WatchDays(): number {
  const n = Number(process.env.BOND_I391_WATCH_DAYS ?? "");
  return Number.isInteger(n) && n > 0 ? n : 180;
}
/** Days after the refund claim was mailed before a missing refund is flagged. */
const REFUND_WATCH_DAYS = 60;

export interface BondLine {
  bondId: string;
  alias: string;
  amountCents: number;
  ageDays: number;
  approvals?: number;
  required?: number;
  status?: string;
}
/** A breached bond: `ageDays` counts from the I-323; the appeal must be dated on or before `deadline`. */
export interface BreachLine extends BondLine, AppealWindow {
  appealedOn: string | null;
}

export interface TreasuryDashboard {
  /** The general pool, the first campaign funds holding money (`moreFunds`: the rest), bonds outstanding. */
  funds: FundLine[];
  moreFunds: MoreFunds;
  assets: FundLine[];
  awaitingApproval: BondLine[];
  awaitingPayment: BondLine[];
  atIce: { count: number; totalCents: number; oldest: BondLine | null };
  i391Overdue: BondLine[];
  refundsOverdue: BondLine[];
  /** Payouts a treasurer must act on: not imported yet, or holding transactions that disagree with the books. */
  payoutsUnreconciled: number;
  payoutsNeedingAttention: PayoutAttention[];
  disputesOpen: number;
  /** Breached (I-323) and appealed bonds, oldest notice first. */
  breaches: BreachLine[];
  watch: { i391Days: number; refundDays: number; appealDays: number };
  /** How many rows each capped list has in all (each list holds at most `listLimit`). */
  totals: Record<"awaitingApproval" | "awaitingPayment" | "i391Overdue" | "refundsOverdue" | "breaches", number>;
  listLimit: number;
}

export async function treasuryDashboard(
  db: Db,
  actor: Principal | null,
  opts: { now?: Date; listLimit?: number } = {},
): Promise<TreasuryDashboard> {
  requireTreasuryReader(actor);
  const now = opts.now ?? new Date();
  const limit = opts.listLimit ?? LIST_LIMIT;
  const { funds, assets, more: moreFunds } = await fundsAndAssets(db, limit);

  const base = {
    bondId: bonds.id,
    alias: campaigns.alias,
    amountCents: bonds.amountCents,
    status: bonds.status,
    total: totalRows,
  };
  const waiting = (status: "requested" | "approved") =>
    db
      .select({
        ...base,
        createdAt: bonds.createdAt,
        approvals: sql<number>`(select count(*)::int from ${bondApprovals} where ${bondApprovals.bondId} = ${bonds.id})`,
      })
      .from(bonds)
      .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
      .where(eq(bonds.status, status))
      .orderBy(asc(bonds.createdAt), asc(bonds.id))
      .limit(limit);
  const [requested, approved] = [await waiting("requested"), await waiting("approved")];
  const line = (
    r: { bondId: string; alias: string; amountCents: number; status: string },
    since: string | Date,
  ): BondLine => ({
    bondId: r.bondId,
    alias: r.alias,
    amountCents: r.amountCents,
    status: r.status,
    ageDays: daysSince(since, now),
  });
  const awaitingApproval = requested.map((r) => ({
    ...line(r, r.createdAt),
    approvals: Number(r.approvals),
    required: approvalsRequired(r.amountCents),
  }));
  const awaitingPayment = approved.map((r) => line(r, r.createdAt));

  const [atIce] = await db
    .select({
      count: sql<number>`count(*)`.mapWith(Number),
      cents: sql<string>`coalesce(sum(${bonds.amountCents}), 0)`,
    })
    .from(bonds)
    .where(inArray(bonds.status, OPEN_AT_ICE));
  // The longest at ICE: the earliest I-305 posting date, else (none posted yet) any bond paid.
  const [oldestRow] = await db
    .select({ ...base, postedOn: bonds.postedOn, paidOn: bonds.paidOn })
    .from(bonds)
    .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
    .where(inArray(bonds.status, OPEN_AT_ICE))
    .orderBy(sql`${bonds.postedOn} asc nulls last`, asc(bonds.id))
    .limit(1);

  const i391Days = i391WatchDays();
  const released = db
    .select({ campaignId: campaignEvents.campaignId, releasedAt: max(campaignEvents.createdAt).as("released_at") })
    .from(campaignEvents)
    .where(eq(campaignEvents.kind, "released"))
    .groupBy(campaignEvents.campaignId)
    .as("released");
  const noI391 = await db
    .select({ ...base, releasedAt: released.releasedAt })
    .from(bonds)
    .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
    .innerJoin(released, eq(released.campaignId, bonds.campaignId))
    // An aliased aggregate has no column type for drizzle to map a Date, so pass the ISO text.
    .where(
      and(
        eq(bonds.status, "posted"),
        sql`${released.releasedAt} < ${daysBefore(now, i391Days).toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(released.releasedAt), asc(bonds.id))
    .limit(limit);
  const noRefund = await db
    .select({ ...base, claimedOn: bonds.refundClaimedOn })
    .from(bonds)
    .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
    .where(
      and(eq(bonds.status, "refund_claimed"), lt(bonds.refundClaimedOn, isoDay(daysBefore(now, REFUND_WATCH_DAYS)))),
    )
    .orderBy(asc(bonds.refundClaimedOn), asc(bonds.id))
    .limit(limit);

  const payouts = await payoutsNeedingAttention(db);
  const appealDays = env().BOND_APPEAL_DAYS;
  const breached = await db
    .select({ ...base, i323On: bonds.i323On, appealedOn: bonds.appealFiledOn })
    .from(bonds)
    .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
    .where(inArray(bonds.status, ["breached", "appealed"]))
    .orderBy(asc(bonds.i323On), asc(bonds.id))
    .limit(limit);
  const servedBy = await i323ServedByBonds(
    db,
    breached.map((r) => r.bondId),
  );
  const [disputes] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(stripeDisputes)
    .where(notInArray(stripeDisputes.status, ["won", "lost", "warning_closed"]));

  return {
    funds,
    moreFunds,
    assets,
    awaitingApproval,
    awaitingPayment,
    atIce: {
      count: atIce?.count ?? 0,
      totalCents: Number(atIce?.cents ?? 0),
      oldest: oldestRow ? line(oldestRow, oldestRow.postedOn ?? oldestRow.paidOn ?? isoDay(now)) : null,
    },
    i391Overdue: noI391.map((r) => line(r, r.releasedAt!)),
    refundsOverdue: noRefund.map((r) => line(r, r.claimedOn!)),
    payoutsUnreconciled: payouts.length,
    payoutsNeedingAttention: payouts,
    disputesOpen: Number(disputes?.n ?? 0),
    breaches: breached.map((r) => ({
      ...line(r, r.i323On!),
      // 30 days from service, 33 when the I-323 was mailed (lib/notices/deadlines.ts).
      ...appealWindow(r.i323On!, now, appealDaysFor(servedBy.get(r.bondId), appealDays)),
      appealedOn: r.appealedOn,
    })),
    watch: { i391Days, refundDays: REFUND_WATCH_DAYS, appealDays },
    totals: {
      awaitingApproval: requested[0]?.total ?? 0,
      awaitingPayment: approved[0]?.total ?? 0,
      i391Overdue: noI391[0]?.total ?? 0,
      refundsOverdue: noRefund[0]?.total ?? 0,
      breaches: breached[0]?.total ?? 0,
    },
    listLimit: limit,
  };
}
