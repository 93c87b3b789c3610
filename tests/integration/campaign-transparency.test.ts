/**
 * The public per-campaign transparency figures: each one equals what the ledger
 * says for that campaign's accounts and entries, other campaigns do not leak in,
 * bond events appear by month only, and nothing from the case file appears.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { advanceBond } from "@/lib/bonds/lifecycle";
import { approveBondPayment, recordBondPayment, requestBondPayment } from "@/lib/bonds/payment";
import { recordBondPosting } from "@/lib/bonds/i305-posting";
import { caseFileSchema } from "@/lib/case-files/input";
import { writeCaseFile } from "@/lib/case-files/store";
import { bondAccount, campaignAccount, getBalance, postEntry } from "@/lib/ledger";
import { campaignTransparency } from "@/lib/reports/campaign-transparency";
import { insertCampaign } from "../fixtures/campaigns";
import { CANARY, CANARY_NEEDLES, caseFileInput } from "../fixtures/case-file";
import { flatRates } from "../fixtures/funded-campaign";
import { principal, verifiedLawyer } from "../fixtures/people";
import { backdateBond } from "../fixtures/bond-paths";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let lawyer: Principal, t1: Principal;

/** One gift through the ledger the way the webhook books it: gross to the campaign, then the card fee. */
async function gift(campaignId: string, key: string, gross: number, fee: number, on: string) {
  const at = new Date(`${on}T15:00:00Z`);
  await postEntry(h.db, {
    idempotencyKey: `donation:${key}`,
    kind: "donation",
    campaignId,
    effectiveAt: at,
    debits: [{ account: "stripe", amount: gross }],
    credits: [{ account: campaignAccount(campaignId), amount: gross }],
  });
  await postEntry(h.db, {
    idempotencyKey: `fee:${key}`,
    kind: "processing_fee",
    campaignId,
    effectiveAt: at,
    debits: [{ account: campaignAccount(campaignId), amount: fee }],
    credits: [{ account: "stripe", amount: fee }],
  });
}

async function bondThrough(campaignId: string, amount: number, n: string, postedOn: string) {
  const { bondId } = await requestBondPayment(h.db, lawyer, { campaignId, amountCents: amount });
  await approveBondPayment(h.db, t1, bondId);
  await backdateBond(h.db, bondId, postedOn);
  await recordBondPayment(h.db, t1, bondId, { method: "ach", traceNumber: `ACH-CT${n}`, paidOn: postedOn });
  await recordBondPosting(h.db, t1, bondId, { i305Number: `I305-CT${n}`, postedOn, obligor: { kind: "fund" } });
  return bondId;
}

/** Straight from the postings: the campaign's entries of a kind, summed on one account (debit-positive). */
async function postingsSum(campaignId: string, kinds: string[], account: string | { like: string }): Promise<number> {
  const acc = typeof account === "string" ? sql`p.account_code = ${account}` : sql`p.account_code LIKE ${account.like}`;
  const [r] = rowsOf<{ s: string | number }>(
    await h.db
      .execute(sql`SELECT coalesce(sum(p.amount), 0)::bigint AS s FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
                            WHERE e.campaign_id = ${campaignId} AND e.kind IN (${sql.join(
                              kinds.map((k) => sql`${k}`),
                              sql`, `,
                            )}) AND ${acc}`),
  );
  return Number(r!.s);
}

let refundedCampaign: string, atIceCampaign: string, forfeitedCampaign: string, draft: string;
let refundedBond: string, atIceBond: string;

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@ct.example", ["admin"]);
  lawyer = await verifiedLawyer(h.db, "lawyer@ct.example", admin);
  t1 = await principal(h.db, "t1@ct.example", ["treasurer"]);
  await flatRates(h.db, 300);

  refundedCampaign = await insertCampaign(h.db, {
    slug: "ct-refunded",
    alias: "Ana",
    lawyerUserId: lawyer.userId,
    goalCents: 300_000,
  });
  await writeCaseFile(h.db, refundedCampaign, caseFileSchema.parse(caseFileInput()), lawyer);
  await gift(refundedCampaign, "r1", 200_000, 5_830, "2025-01-05");
  await gift(refundedCampaign, "r2", 150_000, 4_380, "2025-02-11");
  // A donor refund: Stripe keeps the fee, the campaign gives back the gift.
  await postEntry(h.db, {
    idempotencyKey: "refund:re_ct1",
    kind: "refund",
    campaignId: refundedCampaign,
    effectiveAt: new Date("2025-02-20T10:00:00Z"),
    debits: [{ account: campaignAccount(refundedCampaign), amount: 10_000 }],
    credits: [{ account: "stripe", amount: 10_000 }],
  });
  refundedBond = await bondThrough(refundedCampaign, 300_000, "01", "2025-03-03");
  await advanceBond(h.db, t1, refundedBond, "cancel", { i391On: "2026-01-10" });
  await advanceBond(h.db, t1, refundedBond, "claimRefund", {
    mailedOn: "2026-01-12",
    contents: "original I-305 and I-391",
  });
  await advanceBond(h.db, t1, refundedBond, "refund", { refundedOn: "2026-04-20", receivedCents: 311_250 });

  atIceCampaign = await insertCampaign(h.db, {
    slug: "ct-at-ice",
    alias: "Bo",
    lawyerUserId: lawyer.userId,
    goalCents: 400_000,
  });
  await gift(atIceCampaign, "a1", 420_000, 12_210, "2025-06-01");
  atIceBond = await bondThrough(atIceCampaign, 400_000, "02", "2025-07-15");

  forfeitedCampaign = await insertCampaign(h.db, {
    slug: "ct-forfeited",
    alias: "Cy",
    lawyerUserId: lawyer.userId,
    goalCents: 150_000,
  });
  await gift(forfeitedCampaign, "f1", 160_000, 4_670, "2025-04-01");
  const fb = await bondThrough(forfeitedCampaign, 150_000, "03", "2025-04-20");
  await advanceBond(h.db, t1, fb, "breach", { i323On: "2025-09-01" });
  await advanceBond(h.db, t1, fb, "forfeit", { forfeitedOn: "2025-10-15" });

  draft = await insertCampaign(h.db, { slug: "ct-draft", alias: "Di", status: "draft", lawyerUserId: lawyer.userId });
  await gift(draft, "d1", 50_000, 1_480, "2025-05-01");
});
afterAll(async () => h?.close());

describe("per-campaign transparency", () => {
  it("reports a refunded bond's campaign exactly as its ledger entries say", async () => {
    const t = (await campaignTransparency(h.db, "ct-refunded"))!;
    expect(t.campaign).toEqual({ slug: "ct-refunded", alias: "Ana", region: "Louisiana", status: "closed" });
    const f = t.figures;
    expect(f.raised).toBe(-(await postingsSum(refundedCampaign, ["donation"], campaignAccount(refundedCampaign))));
    expect(f.raised).toBe(350_000);
    expect(f.fees).toBe(-(await postingsSum(refundedCampaign, ["processing_fee"], "stripe")));
    expect(f.fees).toBe(5_830 + 4_380);
    expect(f.refunded).toBe(10_000);
    expect(f.atIce).toBe(await getBalance(h.db, bondAccount(refundedBond)));
    expect(f.atIce).toBe(0);
    expect(f.recovered).toBe(await postingsSum(refundedCampaign, ["bond_refund", "interest"], "bank"));
    expect(f.recovered).toBe(311_250);
    expect(f.forfeited).toBe(0);
    expect(f.held).toBe(await getBalance(h.db, campaignAccount(refundedCampaign)));
    // What came in less what went out is what the campaign still holds (the overfunding moved to the general pool at posting).
    expect(f.movedToGeneral).toBe(
      await postingsSum(refundedCampaign, ["reallocation"], campaignAccount(refundedCampaign)),
    );
    expect(f.movedToGeneral).toBe(350_000 - 5_830 - 4_380 - 10_000 - 300_000);
    expect(f.raised - f.fees - f.refunded - f.disputed - f.bondsPaid - f.movedToGeneral).toBe(f.held);
  });

  it("reports money at ICE and a forfeiture per campaign, and nothing of the other campaigns", async () => {
    const ice = (await campaignTransparency(h.db, "ct-at-ice"))!.figures;
    expect(ice.atIce).toBe(await getBalance(h.db, bondAccount(atIceBond)));
    expect(ice.atIce).toBe(400_000);
    expect(ice.raised).toBe(420_000);
    expect(ice.recovered).toBe(0);
    expect(ice.forfeited).toBe(0);
    const lost = (await campaignTransparency(h.db, "ct-forfeited"))!.figures;
    expect(lost.forfeited).toBe(150_000);
    expect(lost.forfeited).toBe(await postingsSum(forfeitedCampaign, ["forfeiture"], "bonds_outstanding"));
    expect(lost.atIce).toBe(0);
    expect(lost.raised).toBe(160_000);
  });

  it("groups gifts and bond events by month, and the months add up to the figures", async () => {
    const t = (await campaignTransparency(h.db, "ct-refunded"))!.figures;
    expect(t.months.map((m) => m.month)).toEqual(["2025-01", "2025-02", "2025-03", "2026-04"]);
    expect(t.months.reduce((s, m) => s + m.gifts, 0)).toBe(t.raised);
    expect(t.months.reduce((s, m) => s + m.bondsPaid, 0)).toBe(t.bondsPaid);
    expect(t.months.reduce((s, m) => s + m.recovered, 0)).toBe(t.recovered);
  });

  it("shows nothing for a campaign that is not public, or does not exist", async () => {
    expect(await campaignTransparency(h.db, "ct-draft")).toBeNull();
    expect(await campaignTransparency(h.db, "no-such-campaign")).toBeNull();
    expect(await campaignTransparency(h.db, "'; DROP TABLE campaigns; --")).toBeNull();
  });

  it("carries no case-file value and no exact date", async () => {
    for (const slug of ["ct-refunded", "ct-at-ice", "ct-forfeited"]) {
      const text = JSON.stringify(await campaignTransparency(h.db, slug));
      for (const needle of [...CANARY_NEEDLES, CANARY.facility, CANARY.countryOfBirth, "I305-", "ACH-"])
        expect(text).not.toContain(needle);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });
});
