/**
 * A deposited check the bank returns (it bounced): the treasurer matches the bank's withdrawal line
 * to it. The gift leaves its campaign (the general pool bears what the campaign no longer holds),
 * the bank and undeposited funds are back to the cent, the line is matched, and every wrong try is
 * refused with nothing written.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { bankStatementLines, campaigns, offlineGifts } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import {
  campaignAccount,
  getBalance,
  postEntry,
  trialBalance,
  verifyDonorCounts,
  verifyKindTotals,
} from "@/lib/ledger";
import { raisedByCampaign } from "@/lib/ledger/queries";
import { matchDeposit } from "@/lib/offline-gifts/match";
import { depositsOverview, lineForMatching, offlineGiftsPage } from "@/lib/offline-gifts/queries";
import { recordOfflineGift } from "@/lib/offline-gifts/record";
import { returnOfflineGift } from "@/lib/offline-gifts/return";
import { importBankCsv } from "@/lib/reconciliation/bank-import";
import { insertCampaign } from "../../fixtures/campaigns";
import { principal } from "../../fixtures/people";
import { createTestDb } from "../../helpers/test-db";
import { daysFromToday, writtenCounts } from "./helpers";

let h: DbHandle;
let treasurer: Principal, admin: Principal;
let campaignId: string;
const lines: Record<string, string> = {};
const gifts: Record<string, string> = {};

const raised = async () => (await raisedByCampaign(h.db, eq(campaigns.id, campaignId))).get(campaignId)!;

async function books() {
  const tb = await trialBalance(h.db);
  expect(tb.postingsSum).toBe(0);
  expect(await verifyKindTotals(h.db)).toEqual([]);
  expect(await verifyDonorCounts(h.db)).toEqual([]);
}

beforeAll(async () => {
  h = await createTestDb();
  treasurer = await principal(h.db, "t@returns.example", ["treasurer"]);
  admin = await principal(h.db, "a@returns.example", ["admin"]);
  campaignId = await insertCampaign(h.db, { alias: "Ana", slug: "ana-returns" });
  const check = (reference: string, amount: string) => ({
    method: "check",
    donorName: "Bounce Donor",
    email: "bounce@donor.example",
    amount,
    receivedOn: daysFromToday(-10),
    reference,
    campaign: campaignId,
  });
  gifts.a = (await recordOfflineGift(h.db, treasurer, check("3001", "300.00"))).id;
  gifts.b = (await recordOfflineGift(h.db, treasurer, check("3002", "700.00"))).id;
  gifts.waiting = (await recordOfflineGift(h.db, treasurer, check("3003", "40.00"))).id;
  const csv = [
    "date,amount,description",
    `${daysFromToday(-8)},1000.00,DEPOSIT 2 CHECKS`,
    `${daysFromToday(-9)},-300.00,RETURNED ITEM BEFORE DEPOSIT`,
    `${daysFromToday(-3)},-300.00,RETURNED ITEM NSF`,
    `${daysFromToday(-3)},-299.99,RETURNED ITEM WRONG`,
    `${daysFromToday(-2)},-700.00,RETURNED ITEM ACCOUNT CLOSED`,
    `${daysFromToday(-2)},-40.00,RETURNED ITEM NOT DEPOSITED`,
  ].join("\n");
  await importBankCsv(h.db, treasurer, { name: "returns.csv", text: `${csv}\n` });
  for (const l of await h.db.select().from(bankStatementLines)) lines[l.description] = l.id;
  await matchDeposit(h.db, treasurer, { lineId: lines["DEPOSIT 2 CHECKS"]!, giftIds: [gifts.a!, gifts.b!] });
});
afterAll(async () => h?.close());

describe("a check the bank returned", () => {
  it("is offered for the withdrawal of its exact amount, dated after its deposit", async () => {
    const overview = await depositsOverview(h.db, treasurer);
    expect(overview.returns.map((l) => l.description).sort()).toEqual([
      "RETURNED ITEM ACCOUNT CLOSED",
      "RETURNED ITEM BEFORE DEPOSIT",
      "RETURNED ITEM NSF",
    ]);
    const nsf = await lineForMatching(h.db, treasurer, lines["RETURNED ITEM NSF"]!);
    expect(nsf.returnable.map((g) => g.id)).toEqual([gifts.a]);
    const early = await lineForMatching(h.db, treasurer, lines["RETURNED ITEM BEFORE DEPOSIT"]!);
    expect(early.returnable).toEqual([]);
  });

  it.each([
    [
      "a line of another amount",
      () => ({ giftId: gifts.a, lineId: lines["RETURNED ITEM WRONG"] }),
      /exactly -\$300\.00/,
    ],
    [
      "a line dated before the deposit",
      () => ({ giftId: gifts.a, lineId: lines["RETURNED ITEM BEFORE DEPOSIT"] }),
      /before the deposit/,
    ],
    [
      "a gift not deposited yet",
      () => ({ giftId: gifts.waiting, lineId: lines["RETURNED ITEM NOT DEPOSITED"] }),
      /not deposited yet.*reverse it instead/,
    ],
    ["a deposit line", () => ({ giftId: gifts.a, lineId: lines["DEPOSIT 2 CHECKS"] }), /already matched/],
    ["no reason", () => ({ giftId: gifts.a, lineId: lines["RETURNED ITEM NSF"], reason: " " }), /what the bank said/],
    [
      "an unknown gift",
      () => ({ giftId: "6f1c2b3a-1111-4222-8333-444455556666", lineId: lines["RETURNED ITEM NSF"] }),
      /does not exist/,
    ],
  ])("refuses %s and writes nothing", async (_n, input, message) => {
    const before = await writtenCounts(h.db);
    await expect(returnOfflineGift(h.db, treasurer, { reason: "NSF", ...input() })).rejects.toThrow(message);
    expect(await writtenCounts(h.db)).toEqual(before);
  });

  it("is for treasurers only", async () => {
    const before = await writtenCounts(h.db);
    await expect(
      returnOfflineGift(h.db, admin, { giftId: gifts.a, lineId: lines["RETURNED ITEM NSF"], reason: "NSF" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await writtenCounts(h.db)).toEqual(before);
  });

  it("takes the gift out of its campaign and the bank, to the cent, and matches the line", async () => {
    const [bank, undeposited, campaign] = [
      await getBalance(h.db, "bank"),
      await getBalance(h.db, "undeposited_funds"),
      await raised(),
    ];
    const r = await returnOfflineGift(h.db, treasurer, {
      giftId: gifts.a,
      lineId: lines["RETURNED ITEM NSF"],
      reason: "insufficient funds",
    });
    expect(r).toMatchObject({ fromCampaignCents: 30_000, fromGeneralCents: 0 });
    expect(await getBalance(h.db, "bank")).toBe(bank - 30_000);
    expect(await getBalance(h.db, "undeposited_funds")).toBe(undeposited);
    expect(await raised()).toEqual({ raised: campaign.raised - 30_000, donors: campaign.donors - 1 });
    const [line] = await h.db
      .select()
      .from(bankStatementLines)
      .where(eq(bankStatementLines.id, lines["RETURNED ITEM NSF"]!));
    expect(line).toMatchObject({ matchedKind: "offline_return", matchedRef: gifts.a });
    const page = await offlineGiftsPage(h.db, treasurer);
    expect(page.gifts.find((g) => g.id === gifts.a)!.state.kind).toBe("returned");
    await books();
    // Once only.
    const before = await writtenCounts(h.db);
    await expect(
      returnOfflineGift(h.db, treasurer, { giftId: gifts.a, lineId: lines["RETURNED ITEM NSF"], reason: "again" }),
    ).rejects.toThrow(/already returned/);
    expect(await writtenCounts(h.db)).toEqual(before);
  });

  it("takes what the campaign no longer holds from the general pool", async () => {
    // Most of what the campaign held has moved on (here to the general pool); the general pool has a reserve.
    await postEntry(h.db, {
      idempotencyKey: "test:reserve",
      kind: "adjustment",
      debits: [{ account: "bank", amount: 500_000 }],
      credits: [{ account: "general", amount: 500_000 }],
    });
    const held = await getBalance(h.db, campaignAccount(campaignId));
    await postEntry(h.db, {
      idempotencyKey: "test:spend",
      kind: "reallocation",
      debits: [{ account: campaignAccount(campaignId), amount: held - 20_000 }],
      credits: [{ account: "general", amount: held - 20_000 }],
    });
    const general = await getBalance(h.db, "general");
    const r = await returnOfflineGift(h.db, treasurer, {
      giftId: gifts.b,
      lineId: lines["RETURNED ITEM ACCOUNT CLOSED"],
      reason: "account closed",
    });
    expect(r).toEqual({ giftId: gifts.b, fromCampaignCents: 20_000, fromGeneralCents: 50_000 });
    expect(await getBalance(h.db, campaignAccount(campaignId))).toBe(0);
    expect(await getBalance(h.db, "general")).toBe(general - 50_000);
    const [g] = await h.db.select().from(offlineGifts).where(eq(offlineGifts.id, gifts.b!));
    expect(g!.reversalReason).toBe("Returned by the bank: account closed");
    await books();
  });
});
