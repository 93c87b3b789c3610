import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getBalance } from "@/lib/ledger";
import { statementOfActivity } from "@/lib/reports/activity";
import { balanceSheet } from "@/lib/reports/balance-sheet";
import { monthlyTreasury } from "@/lib/reports/monthly";
import { revolvingFigures } from "@/lib/reports/revolving";
import { transparency } from "@/lib/reports/transparency";
import { DEMO_CAMPAIGNS } from "@/lib/seed/demo-data";
import { CANARY_NEEDLES } from "../fixtures/case-file";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb({ demo: "2026-11-28T12:00:00Z" }); // the demo fund, seeded once per run
});
afterAll(async () => h?.close());

describe("reports on the demo fund", () => {
  it("balance sheet: assets equal funds, and money at ICE equals bonds outstanding", async () => {
    const bs = await balanceSheet(h.db);
    expect(bs.assets.total).toBe(bs.funds.total);
    expect(bs.assets.atIce).toBe(bs.funds.bondsOutstanding);
    expect(bs.assets.atIce).toBe(DEMO_CAMPAIGNS.find((d) => d.bond === "posted")!.goalCents);
    expect(bs.funds.general).toBe(await getBalance(h.db, "general"));
    expect(bs.restricted.reduce((s, r) => s + r.cents, 0)).toBe(bs.funds.campaigns);
  });

  it("statement of activity: the net change of funds is gifts less costs plus interest", async () => {
    const a = await statementOfActivity(h.db);
    expect(a.gifts).toBeGreaterThan(0);
    expect(a.fees).toBeGreaterThan(0);
    expect(a.bondsPaid).toBe(DEMO_CAMPAIGNS.filter((d) => d.bond).reduce((s, d) => s + d.goalCents, 0));
    expect(a.bondRefunds).toBe(DEMO_CAMPAIGNS.find((d) => d.bond === "refunded")!.goalCents);
    expect(a.interest).toBeGreaterThan(0);
    expect(a.netChange).toBe(a.gifts - a.fees - a.refunds - a.disputes + a.interest - a.forfeitures);
    const bs = await balanceSheet(h.db);
    // Starting from empty books, the funds equal everything that ever changed them.
    expect(bs.funds.total).toBe(a.netChange);
  });

  it("transparency: figures agree with the books, by month only, with no private values", async () => {
    const t = await transparency(h.db);
    const bs = await balanceSheet(h.db);
    expect(t.atIce).toBe(bs.assets.atIce);
    expect(t.months.every((m) => /^\d{4}-\d{2}$/.test(m.month))).toBe(true);
    expect(t.months.reduce((s, m) => s + m.gifts, 0)).toBe(t.raised);
    expect(t.months.reduce((s, m) => s + m.recovered, 0)).toBe(t.recovered);
    const text = JSON.stringify(t);
    for (const needle of CANARY_NEEDLES) expect(text).not.toContain(needle);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("revolving-fund figures: bonds posted, money at ICE and back, recovery rate, days to refund, pool turns", async () => {
    const r = await revolvingFigures(h.db);
    const bonds = DEMO_CAMPAIGNS.filter((d) => d.bond);
    expect(r.bondsPosted).toBe(bonds.length);
    expect(r.atIceCents).toBe((await balanceSheet(h.db)).assets.atIce);
    expect(r.refundedBonds).toBe(1);
    expect(r.recoveryRate).toBe(1);
    expect(r.recoveredCents).toBeGreaterThan(DEMO_CAMPAIGNS.find((d) => d.bond === "refunded")!.goalCents);
    expect(r.averageDaysToRefund).toBeGreaterThan(300);
    const a = await statementOfActivity(h.db);
    expect(r.poolTurns).toBe(Math.round((a.bondsPaid / a.gifts) * 100) / 100);
  });

  it("monthly series for the charts: month-end balances end at the ledger's balances, flows add up to the statement", async () => {
    const m = await monthlyTreasury(h.db);
    expect(m.length).toBeGreaterThan(12);
    // Every month from the first entry to the last, none skipped, so the chart's x axis is honest.
    for (let i = 1; i < m.length; i++) {
      const [y, mo] = m[i - 1]!.month.split("-").map(Number);
      const next = mo === 12 ? `${y! + 1}-01` : `${y}-${String(mo! + 1).padStart(2, "0")}`;
      expect(m[i]!.month).toBe(next);
    }
    const last = m.at(-1)!;
    const bs = await balanceSheet(h.db);
    expect(last.general).toBe(bs.funds.general);
    expect(last.atIce).toBe(bs.assets.atIce);
    expect(last.campaigns).toBe(bs.funds.campaigns);
    expect(m.every((r) => r.general >= 0 && r.atIce >= 0 && r.campaigns >= 0)).toBe(true);
    const a = await statementOfActivity(h.db);
    expect(m.reduce((s, r) => s + r.gifts, 0)).toBe(a.gifts);
    expect(m.reduce((s, r) => s + r.bondsPaid, 0)).toBe(a.bondsPaid);
    const rev = await revolvingFigures(h.db);
    expect(m.reduce((s, r) => s + r.bondsPosted, 0)).toBe(rev.bondsPosted);
    expect(m.reduce((s, r) => s + r.bondsRefunded, 0)).toBe(rev.refundedBonds);
    expect(m.reduce((s, r) => s + r.bondsForfeited, 0)).toBe(rev.forfeitedBonds);
  });
});
