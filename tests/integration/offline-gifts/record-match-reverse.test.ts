import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { auditLog, bankStatementLines, campaigns, offlineGifts, outboxMessages } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { getBalance, trialBalance, verifyDonorCounts, verifyKindTotals } from "@/lib/ledger";
import { raisedByCampaign } from "@/lib/ledger/queries";
import { matchDeposit } from "@/lib/offline-gifts/match";
import { depositsOverview, lineForMatching, offlineGiftsPage } from "@/lib/offline-gifts/queries";
import { recordOfflineGift } from "@/lib/offline-gifts/record";
import { reverseOfflineGift } from "@/lib/offline-gifts/reverse";
import { importBankCsv } from "@/lib/reconciliation/bank-import";
import { statementOfActivity } from "@/lib/reports/activity";
import { insertCampaign } from "../../fixtures/campaigns";
import { principal } from "../../fixtures/people";
import { createTestDb } from "../../helpers/test-db";
import { daysFromToday, writtenCounts } from "./helpers";

let h: DbHandle;
let treasurer: Principal, admin: Principal, lawyer: Principal;
let campaignId: string, closedId: string;
beforeAll(async () => {
  h = await createTestDb();
  treasurer = await principal(h.db, "t@offline.example", ["treasurer"]);
  admin = await principal(h.db, "a@offline.example", ["admin"]);
  lawyer = await principal(h.db, "l@offline.example", ["lawyer"]);
  campaignId = await insertCampaign(h.db, { alias: "Rosa", slug: "rosa-offline" });
  closedId = await insertCampaign(h.db, { alias: "Done", slug: "done-offline", status: "closed" });
});
afterAll(async () => h?.close());

const day = daysFromToday(-3);
const check = (over: Record<string, unknown> = {}) => ({
  method: "check",
  donorName: "Maria Lopez",
  email: "maria@donor.example",
  amount: "250.00",
  receivedOn: day,
  reference: "1001",
  campaign: campaignId,
  ...over,
});
const raised = async (id = campaignId) => (await raisedByCampaign(h.db, eq(campaigns.id, id))).get(id)!;

/** The receipt mailed for an offline gift (undefined: none). */
const receiptOf = async (giftId: string) =>
  (
    await h.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.dedupeKey, `receipt:offline:${giftId}`))
  )[0];

async function books() {
  const tb = await trialBalance(h.db);
  expect(tb.postingsSum).toBe(0);
  expect(tb.assets).toBe(tb.funds);
  expect(await verifyKindTotals(h.db)).toEqual([]);
  expect(await verifyDonorCounts(h.db)).toEqual([]);
}

describe("recording an offline gift", () => {
  it("books a check to the campaign: undeposited funds, the campaign's figure and donors, a receipt, an audit line", async () => {
    const before = await raised();
    const r = await recordOfflineGift(h.db, treasurer, check());
    expect(r).toMatchObject({ amountCents: 25_000, replayed: false });
    expect(await getBalance(h.db, "undeposited_funds")).toBe(25_000);
    expect(await raised()).toEqual({ raised: before.raised + 25_000, donors: before.donors + 1 });
    expect((await statementOfActivity(h.db)).gifts).toBe(25_000);
    const mail = await receiptOf(r.id);
    expect(mail!.toAddress).toBe("maria@donor.example");
    expect(mail!.textBody).toContain("$250.00");
    expect(mail!.textBody).toContain('for the campaign "Rosa*"');
    expect(mail!.textBody).toContain("Paid by: check");
    const [a] = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, r.id));
    expect(a!.action).toBe("offline_gift.recorded");
    expect(JSON.stringify(a!.details)).not.toMatch(/Maria|maria@/i);
    const memos = rowsOf<{ memo: string }>(await h.db.execute(sql`SELECT memo FROM journal_entries`));
    expect(memos.map((m) => m.memo).join(" ")).not.toMatch(/Maria|maria@/i);
    await books();
  });

  it("books cash to the general pool; no email, no receipt; a Spanish receipt for a wire", async () => {
    const general = await getBalance(h.db, "general");
    const mail = (await writtenCounts(h.db)).mail;
    await recordOfflineGift(h.db, treasurer, check({ method: "cash", reference: "", email: "", campaign: "general" }));
    expect(await getBalance(h.db, "general")).toBe(general + 25_000);
    expect((await writtenCounts(h.db)).mail).toBe(mail);
    const w = await recordOfflineGift(
      h.db,
      treasurer,
      check({ method: "wire", reference: "FW-77", amount: "1,000", campaign: "general", locale: "es" }),
    );
    const m = await receiptOf(w.id);
    expect(m!.textBody).toContain("fondo general");
    expect(m!.textBody).toContain("Forma de pago: transferencia bancaria");
    await books();
  });

  it("records one gift when the same form is submitted twice (its token)", async () => {
    const token = "7d1c1b7e-4b1a-4c55-9b0a-2f7d0c1e9a01";
    const a = await recordOfflineGift(h.db, treasurer, check({ reference: "1002", token }));
    const b = await recordOfflineGift(h.db, treasurer, check({ reference: "1002", token }));
    expect(b).toEqual({ ...a, replayed: true });
    expect((await h.db.select().from(offlineGifts).where(eq(offlineGifts.id, token))).length).toBe(1);
  });

  it("takes the same check number from another donor", async () => {
    await expect(recordOfflineGift(h.db, treasurer, check({ donorName: "Ana Ruiz" }))).resolves.toMatchObject({
      replayed: false,
    });
  });

  it.each([
    ["a check dated in the future", { receivedOn: daysFromToday(2) }, /cannot be in the future/],
    [
      "the same check number twice for one donor",
      { donorName: " maria LOPEZ " },
      /Check number 1001 from this donor is already recorded/,
    ],
    ["a zero amount", { amount: "0.00" }, /The amount must be more than zero/],
    ["a negative amount", { amount: "-5" }, /The amount must be more than zero/],
    ["a malformed amount", { amount: "12.345" }, /dollar amount/],
    ["letters for an amount", { amount: "ten" }, /dollar amount/],
    ["an unknown campaign", { campaign: "6f1c2b3a-1111-4222-8333-444455556666" }, /campaign does not exist/],
    ["a malformed campaign", { campaign: "'; drop table x" }, /Choose a campaign or the general pool/],
    ["a campaign not taking gifts", { campaign: "closed" }, /not taking gifts/],
    ["a check without its number", { reference: " " }, /Enter the check number/],
    ["an impossible date", { receivedOn: "2026-02-30" }, /real date/],
    ["no donor name", { donorName: "  " }, /donor's name/],
    ["a bad email", { email: "maria@" }, /valid email/],
    ["an unknown method", { method: "bitcoin" }, /check, wire, cash or other/],
    ["the wall for the general pool", { campaign: "general", showOnWall: "on" }, /general pool has no donor wall/],
    ["a huge name", { donorName: "x".repeat(201) }, /longer than 200/],
  ] as [string, Record<string, unknown>, RegExp][])(
    "refuses %s with a clear message and writes nothing",
    async (_n, over, message) => {
      const input = check(over.campaign === "closed" ? { ...over, campaign: closedId } : over);
      const before = await writtenCounts(h.db);
      await expect(recordOfflineGift(h.db, treasurer, input)).rejects.toThrow(message);
      expect(await writtenCounts(h.db)).toEqual(before);
    },
  );

  it("is for treasurers only", async () => {
    for (const who of [admin, lawyer, null]) {
      await expect(recordOfflineGift(h.db, who, check({ reference: "9999" }))).rejects.toMatchObject({
        code: who ? "forbidden" : "unauthorized",
      });
    }
  });
});

describe("matching a bank deposit and reversing", () => {
  let ids: string[];
  let lineId: string, withdrawalId: string, otherId: string;
  beforeAll(async () => {
    ids = [];
    for (const [ref, amount] of [
      ["2001", "100.00"],
      ["2002", "50.25"],
      ["2003", "49.75"],
    ] as const)
      ids.push(
        (await recordOfflineGift(h.db, treasurer, check({ donorName: "Deposit Donor", reference: ref, amount }))).id,
      );
    const csv = `date,amount,description\n${daysFromToday(-1)},200.00,DEPOSIT 3 CHECKS\n${daysFromToday(-1)},-20.00,FEE\n${daysFromToday(-1)},100.00,DEPOSIT\n`;
    await importBankCsv(h.db, treasurer, { name: "dep.csv", text: csv });
    const lines = await h.db.select().from(bankStatementLines);
    lineId = lines.find((l) => l.amountCents === 20_000)!.id;
    withdrawalId = lines.find((l) => l.amountCents === -2_000)!.id;
    otherId = lines.find((l) => l.amountCents === 10_000)!.id;
  });

  it.each([
    [
      "gifts that do not add up to the line",
      () => ({ lineId, giftIds: ids.slice(0, 2) }),
      /add up to \$150\.25, but the bank line is \$200\.00 \(a difference of \$49\.75\)/,
    ],
    ["no gift selected", () => ({ lineId, giftIds: [] }), /none is selected/],
    ["a withdrawal", () => ({ lineId: withdrawalId, giftIds: ids }), /withdrawal/],
    [
      "an unknown line",
      () => ({ lineId: "6f1c2b3a-1111-4222-8333-444455556666", giftIds: ids }),
      /bank line does not exist/,
    ],
    ["an unknown gift", () => ({ lineId, giftIds: ["6f1c2b3a-1111-4222-8333-444455556666"] }), /does not exist/],
    ["a gift twice", () => ({ lineId, giftIds: [ids[0], ids[0]] }), /selected twice/],
  ])("refuses %s and writes nothing", async (_n, input, message) => {
    const before = await writtenCounts(h.db);
    await expect(matchDeposit(h.db, treasurer, input())).rejects.toThrow(message);
    expect(await writtenCounts(h.db)).toEqual(before);
  });

  it("matches one line to the three checks it deposits: bank up, undeposited down, to the cent", async () => {
    const bank = await getBalance(h.db, "bank");
    const undeposited = await getBalance(h.db, "undeposited_funds");
    const raisedBefore = await raised();
    expect(await matchDeposit(h.db, treasurer, { lineId, giftIds: ids })).toMatchObject({
      gifts: 3,
      amountCents: 20_000,
    });
    expect(await getBalance(h.db, "bank")).toBe(bank + 20_000);
    expect(await getBalance(h.db, "undeposited_funds")).toBe(undeposited - 20_000);
    expect(await raised()).toEqual(raisedBefore);
    const [line] = await h.db.select().from(bankStatementLines).where(eq(bankStatementLines.id, lineId));
    expect(line!.matchedKind).toBe("offline_deposit");
    await books();
  });

  it("refuses to match the line or its gifts again", async () => {
    const before = await writtenCounts(h.db);
    await expect(matchDeposit(h.db, treasurer, { lineId, giftIds: ids })).rejects.toThrow(/already matched/);
    await expect(matchDeposit(h.db, treasurer, { lineId: otherId, giftIds: [ids[0]] })).rejects.toThrow(
      /already matched to a deposit/,
    );
    await expect(matchDeposit(h.db, admin, { lineId: otherId, giftIds: [ids[0]] })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await writtenCounts(h.db)).toEqual(before);
  });

  it("refuses to reverse a deposited gift", async () => {
    const before = await writtenCounts(h.db);
    await expect(reverseOfflineGift(h.db, treasurer, { giftId: ids[0], reason: "typo in amount" })).rejects.toThrow(
      /was deposited on .* cannot be reversed\..*withdrawal line/,
    );
    expect(await writtenCounts(h.db)).toEqual(before);
  });

  it("reverses an undeposited gift: out of the figure, the donors and undeposited funds; the check may be recorded again", async () => {
    const g = await recordOfflineGift(
      h.db,
      treasurer,
      check({ donorName: "Wrong Amount", reference: "3001", amount: "500" }),
    );
    const before = await raised();
    const undeposited = await getBalance(h.db, "undeposited_funds");
    await expect(reverseOfflineGift(h.db, treasurer, { giftId: g.id, reason: "no" })).rejects.toThrow(/at least 5/);
    await reverseOfflineGift(h.db, treasurer, { giftId: g.id, reason: "Amount typed wrong" });
    expect(await raised()).toEqual({ raised: before.raised - 50_000, donors: before.donors - 1 });
    expect(await getBalance(h.db, "undeposited_funds")).toBe(undeposited - 50_000);
    await expect(reverseOfflineGift(h.db, treasurer, { giftId: g.id, reason: "Amount typed wrong" })).rejects.toThrow(
      /already reversed/,
    );
    await expect(
      recordOfflineGift(h.db, treasurer, check({ donorName: "Wrong Amount", reference: "3001", amount: "50" })),
    ).resolves.toMatchObject({ amountCents: 5_000 });
    const [a] = await h.db.select().from(auditLog).where(eq(auditLog.action, "offline_gift.reversed"));
    expect(JSON.stringify(a!.details)).not.toMatch(/typed wrong/);
    await books();
  });
});

describe("the treasurer's pages", () => {
  it("list every gift with its state, the open and matched deposits, and audit-log the read of donor names", async () => {
    const page = await offlineGiftsPage(h.db, treasurer);
    const states = new Set(page.gifts.map((g) => g.state.kind));
    expect(states).toEqual(new Set(["undeposited", "deposited", "reversed"]));
    expect(page.undepositedCents).toBe(await getBalance(h.db, "undeposited_funds"));
    expect(page.campaigns.map((c) => c.alias)).toContain("Rosa");
    expect(page.campaigns.map((c) => c.alias)).not.toContain("Done");
    const [read] = await h.db.select().from(auditLog).where(eq(auditLog.action, "offline_gifts.read"));
    expect(read!.details).toEqual({ shown: page.gifts.length });
    const d = await depositsOverview(h.db, treasurer);
    expect(d.matched).toHaveLength(1);
    expect(d.matched[0]).toMatchObject({ amountCents: 20_000, gifts: 3 });
    expect(d.open.map((l) => l.amountCents)).toEqual([10_000]);
    const line = await lineForMatching(h.db, treasurer, d.matched[0]!.lineId);
    expect(line.deposited.map((g) => g.state.kind)).toEqual(["deposited", "deposited", "deposited"]);
  });

  it("are for treasurers only; a forged line id is not found", async () => {
    for (const fn of [offlineGiftsPage, depositsOverview])
      await expect(fn(h.db, admin)).rejects.toMatchObject({ code: "forbidden" });
    await expect(lineForMatching(h.db, lawyer, "x")).rejects.toMatchObject({ code: "forbidden" });
    await expect(lineForMatching(h.db, treasurer, "../../etc")).rejects.toMatchObject({ code: "not_found" });
    await expect(lineForMatching(h.db, treasurer, "6f1c2b3a-1111-4222-8333-444455556666")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
