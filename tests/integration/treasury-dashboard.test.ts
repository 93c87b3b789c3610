import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { campaignEvents, stripePayouts } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { campaignAccount } from "@/lib/ledger";
import { advanceBond } from "@/lib/bonds/lifecycle";
import { treasuryDashboard } from "@/lib/reports/treasury-dashboard";
import { bondAt } from "../fixtures/bond-paths";
import { flatRates, fundedCampaign, fundGeneral } from "../fixtures/funded-campaign";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let admin: Principal, t1: Principal, t2: Principal, lawyer: Principal;
const NOW = new Date("2026-06-01T12:00:00Z");

beforeAll(async () => {
  h = await createTestDb();
  admin = await principal(h.db, "admin@d.example", ["admin"]);
  t1 = await principal(h.db, "t1@d.example", ["treasurer"]);
  t2 = await principal(h.db, "t2@d.example", ["treasurer"]);
  lawyer = await verifiedLawyer(h.db, "lawyer@d.example", admin);
  await flatRates(h.db, 300);
});
afterAll(async () => h?.close());

describe("treasury dashboard", () => {
  it("shows money by fund, bonds waiting for people, bonds at ICE and overdue watchdogs", async () => {
    const who = { lawyer, t1, t2 };
    await fundGeneral(h.db, 123_456, "dash-general");
    const idle = await fundedCampaign(h.db, 40_000, lawyer.userId);
    const big = await bondAt(h.db, "requested", who, { amountCents: 2_000_000 });
    const approved = await bondAt(h.db, "approved", who, { amountCents: 200_000 });
    const old = await bondAt(h.db, "posted", who, { amountCents: 500_000, postedOn: "2025-01-10" });
    const recent = await bondAt(h.db, "posted", who, { amountCents: 300_000, postedOn: "2026-03-01" });
    const claimed = await bondAt(h.db, "refund_claimed", who, {
      amountCents: 250_000,
      postedOn: "2025-02-01",
      claimedOn: "2026-02-01",
    });
    await bondAt(h.db, "refund_claimed", who, {
      amountCents: 250_000,
      postedOn: "2025-02-01",
      claimedOn: "2026-05-20",
    });
    // The lawyer marked the person released 200 days ago on one posted bond and 10 days ago on the other.
    await h.db.insert(campaignEvents).values([
      {
        campaignId: old.campaignId,
        kind: "released",
        actorUserId: lawyer.userId,
        createdAt: new Date("2025-11-13T12:00:00Z"),
      },
      {
        campaignId: recent.campaignId,
        kind: "released",
        actorUserId: lawyer.userId,
        createdAt: new Date("2026-05-22T12:00:00Z"),
      },
    ]);
    await h.db.insert(stripePayouts).values([
      { id: "po_unbooked", amountCents: 5_000, status: "in_transit" },
      { id: "po_failed", amountCents: 5_000, status: "failed" },
    ]);

    const d = await treasuryDashboard(h.db, t1, { now: NOW });
    const fund = (a: string) => d.funds.find((f) => f.account === a)?.cents;
    expect(fund("general")).toBe(123_456);
    expect(fund(campaignAccount(idle))).toBe(40_000);
    expect(fund(campaignAccount(big.campaignId))).toBe(2_000_000);
    expect(fund("bonds_outstanding")).toBe(500_000 + 300_000 + 250_000 * 2);
    expect(d.assets.find((a) => a.account === "bond:*")?.cents).toBe(1_300_000);

    expect(d.awaitingApproval).toEqual([
      expect.objectContaining({ bondId: big.bondId, approvals: 0, required: 2, amountCents: 2_000_000 }),
    ]);
    expect(d.awaitingPayment.map((b) => b.bondId)).toEqual([approved.bondId]);
    expect(d.atIce).toMatchObject({ count: 4, totalCents: 1_300_000, oldest: { bondId: old.bondId, ageDays: 507 } });
    expect(d.i391Overdue).toEqual([expect.objectContaining({ bondId: old.bondId, ageDays: 200 })]);
    expect(d.refundsOverdue).toEqual([expect.objectContaining({ bondId: claimed.bondId, ageDays: 120 })]);
    // The in-transit payout's transactions were never imported; the failed one moved no money.
    expect(d.payoutsUnreconciled).toBe(1);
    expect(d.payoutsNeedingAttention).toEqual([
      expect.objectContaining({ payoutId: "po_unbooked", reason: "not_imported" }),
    ]);
    expect(d.disputesOpen).toBe(0);
    expect(d.watch).toEqual({ i391Days: 180, refundDays: 60, appealDays: 30 });
    expect(d.breaches).toEqual([]);
  });

  it("caps each list at the limit, oldest first, while the counts and the fund totals cover every row", async () => {
    process.env.BOND_I391_WATCH_DAYS = "5";
    try {
      const all = await treasuryDashboard(h.db, t1, { now: NOW });
      const capped = await treasuryDashboard(h.db, t1, { now: NOW, listLimit: 1 });
      expect(all.i391Overdue.map((b) => b.ageDays)).toEqual([200, 10]);
      expect(capped.i391Overdue.map((b) => b.ageDays)).toEqual([200]);
      expect(capped.totals.i391Overdue).toBe(2);
      expect(capped.totals).toEqual(all.totals);
      expect(all.totals).toMatchObject({ awaitingApproval: 1, awaitingPayment: 1, refundsOverdue: 1 });
      // Money by fund: the campaigns left out are counted and summed, so the panel still adds up.
      const campaignsIn = (d: typeof all) => d.funds.filter((f) => f.account.startsWith("campaign:"));
      expect(all.moreFunds).toEqual({ count: 0, cents: 0 });
      expect(campaignsIn(all).length).toBeGreaterThan(1);
      expect(campaignsIn(capped)).toEqual([campaignsIn(all)[0]]);
      expect(capped.moreFunds.count).toBe(campaignsIn(all).length - 1);
      const sum = (d: typeof all) => campaignsIn(d).reduce((s, f) => s + f.cents, 0);
      expect(sum(capped) + capped.moreFunds.cents).toBe(sum(all));
      // The headline figures are aggregates, not the capped lists.
      expect(capped.atIce).toEqual(all.atIce);
    } finally {
      delete process.env.BOND_I391_WATCH_DAYS;
    }
  });

  it("reads the I-391 watch period from BOND_I391_WATCH_DAYS", async () => {
    process.env.BOND_I391_WATCH_DAYS = "5";
    try {
      const d = await treasuryDashboard(h.db, admin, { now: NOW });
      expect(d.watch.i391Days).toBe(5);
      expect(d.i391Overdue.map((b) => b.ageDays)).toEqual([200, 10]);
    } finally {
      delete process.env.BOND_I391_WATCH_DAYS;
    }
  });

  it("lists breached bonds with the age of the I-323 and the appeal deadline, oldest notice first", async () => {
    const who = { lawyer, t1, t2 };
    const fresh = await bondAt(h.db, "posted", who, { amountCents: 210_000, postedOn: "2025-06-01" });
    const closed = await bondAt(h.db, "posted", who, { amountCents: 220_000, postedOn: "2025-06-01" });
    const appealed = await bondAt(h.db, "posted", who, { amountCents: 230_000, postedOn: "2025-06-01" });
    await advanceBond(h.db, t1, fresh.bondId, "breach", { i323On: "2026-05-12" });
    await advanceBond(h.db, t1, closed.bondId, "breach", { i323On: "2026-04-22" });
    await advanceBond(h.db, t1, appealed.bondId, "breach", { i323On: "2026-04-01" });
    await advanceBond(h.db, t1, appealed.bondId, "appeal", { filedOn: "2026-04-20" });

    const d = await treasuryDashboard(h.db, t1, { now: NOW });
    expect(d.breaches).toEqual([
      expect.objectContaining({
        bondId: appealed.bondId,
        status: "appealed",
        ageDays: 61,
        appealedOn: "2026-04-20",
        deadline: "2026-05-01",
      }),
      expect.objectContaining({
        bondId: closed.bondId,
        status: "breached",
        amountCents: 220_000,
        ageDays: 40,
        deadline: "2026-05-22",
        daysLeft: -10,
        open: false,
        appealedOn: null,
      }),
      expect.objectContaining({
        bondId: fresh.bondId,
        status: "breached",
        ageDays: 20,
        deadline: "2026-06-11",
        daysLeft: 10,
        open: true,
      }),
    ]);
    // Still money at ICE: breached bonds count among the bonds at ICE until forfeited or reinstated.
    expect(d.atIce.count).toBeGreaterThanOrEqual(3);
  });
});
