/**
 * Golden books: each business event run through the real code (webhook route,
 * lib/bonds), its postings printed as a table and compared with the committed
 * text below. A change in what any event posts shows here as a diff in review.
 * Stripe ids differ per run, so entries are titled by kind and ids by name.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Db, type DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { recordBondPosting } from "@/lib/bonds/i305-posting";
import { advanceBond } from "@/lib/bonds/lifecycle";
import { approveBondPayment, recordBondPayment, requestBondPayment } from "@/lib/bonds/payment";
import { postEntry } from "@/lib/ledger";
import { donationEntry } from "@/lib/ledger/entries";
import { bondAt, backdateBond } from "../fixtures/bond-paths";
import { insertCampaign } from "../fixtures/campaigns";
import { flatRates } from "../fixtures/funded-campaign";
import { startOneOffGift } from "../fixtures/gifts";
import { principal, verifiedLawyer } from "../fixtures/people";
import { postingsTable } from "../golden/postings-table";
import { createTestDb } from "../helpers/test-db";
import { deliver, newDouble, routeToDb, seedReserve } from "../helpers/webhook-harness";

let h: DbHandle;
let t1: Principal, t2: Principal, lawyer: Principal;

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@golden.example", ["admin"]);
  t1 = await principal(h.db, "t1@golden.example", ["treasurer"]);
  t2 = await principal(h.db, "t2@golden.example", ["treasurer"]);
  lawyer = await verifiedLawyer(h.db, "lawyer@golden.example", admin);
  await flatRates(h.db, 300);
  await seedReserve(h.db);
});
afterAll(async () => h?.close());

let printedUpTo = 0;

/** The entries posted since the last call, one table each. */
async function newEntries(db: Db, names: Record<string, string>): Promise<string> {
  const rows = rowsOf<{ id: number; kind: string; reverses: number | null; account: string; amount: string | number }>(
    await db.execute(sql`
      SELECT e.id::int AS id, e.kind, e.reverses_entry_id AS reverses, p.account_code AS account, p.amount
        FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
       WHERE e.id > ${printedUpTo} ORDER BY e.id, p.id`),
  );
  const ids = [...new Set(rows.map((r) => r.id))];
  printedUpTo = Math.max(printedUpTo, ...ids);
  return ids
    .map((id) => {
      const mine = rows.filter((r) => r.id === id);
      const title = `${mine[0]!.kind}${mine[0]!.reverses ? " (reversal)" : ""}`;
      return postingsTable(
        title,
        mine.map((r) => ({ account: r.account, amount: Number(r.amount) })),
        names,
      );
    })
    .join("\n\n");
}

describe("golden books: Stripe money through the webhook route", () => {
  let names: Record<string, string>;
  let campaign: string;
  const { double, stripe } = newDouble();
  const paid = async (amountCents: number) => {
    const g = await startOneOffGift(h.db, stripe, campaign, { amountCents, email: "donor@example.test" });
    double.completeCheckout(g.sessionId, "success");
    return String(double.store.get("checkout.session", g.sessionId)!.payment_intent);
  };
  const settle = async () => {
    routeToDb(h);
    await deliver(double.pendingEvents(), double.webhookSecret);
  };

  beforeAll(async () => {
    campaign = await insertCampaign(h.db);
    names = { [campaign]: "A" };
    await newEntries(h.db, names); // the opening reserve is not an event
  });

  it("a $100 gift, then Stripe's fee on it", async () => {
    await paid(10_000);
    await settle();
    expect(await newEntries(h.db, names)).toMatchInlineSnapshot(`
      "donation
      account      |  debit | credit
      stripe       | 100.00 |
      campaign:<A> |        | 100.00

      processing_fee
      account      | debit | credit
      campaign:<A> |  3.20 |
      stripe       |       |   3.20"
    `);
  });

  it("a partial refund of $12.34 (the campaign gives back what the gift gave it)", async () => {
    const pi = await paid(5_000);
    double.refund(pi, 1_234);
    await settle();
    expect(await newEntries(h.db, names)).toMatchInlineSnapshot(`
      "donation
      account      | debit | credit
      stripe       | 50.00 |
      campaign:<A> |       |  50.00

      processing_fee
      account      | debit | credit
      campaign:<A> |  1.75 |
      stripe       |       |   1.75

      refund
      account      | debit | credit
      campaign:<A> | 12.34 |
      stripe       |       |  12.34"
    `);
  });

  it("a lost dispute on a $200 gift (general bears it and Stripe's $15 fee), then a won one (countered: its $15 countered fee charged, then returned)", async () => {
    const lost = await paid(20_000);
    double.dispute(lost, "lost");
    await settle();
    expect(await newEntries(h.db, names)).toMatchInlineSnapshot(`
      "donation
      account      |  debit | credit
      stripe       | 200.00 |
      campaign:<A> |        | 200.00

      processing_fee
      account      | debit | credit
      campaign:<A> |  6.10 |
      stripe       |       |   6.10

      dispute
      account |  debit | credit
      general | 215.00 |
      stripe  |        | 215.00"
    `);
    const won = await paid(20_000);
    double.dispute(won, "won");
    await settle();
    expect(await newEntries(h.db, names)).toMatchInlineSnapshot(`
      "donation
      account      |  debit | credit
      stripe       | 200.00 |
      campaign:<A> |        | 200.00

      processing_fee
      account      | debit | credit
      campaign:<A> |  6.10 |
      stripe       |       |   6.10

      dispute
      account |  debit | credit
      general | 215.00 |
      stripe  |        | 215.00

      dispute_reversal
      account |  debit | credit
      stripe  | 200.00 |
      general |        | 200.00

      dispute
      account | debit | credit
      general | 15.00 |
      stripe  |       |  15.00

      dispute_reversal
      account | debit | credit
      stripe  | 15.00 |
      general |       |  15.00"
    `);
  });

  it("a payout to the bank, then one paid and later returned by the bank", async () => {
    double.createPayout();
    await settle();
    expect(await newEntries(h.db, names)).toMatchInlineSnapshot(`
      "payout
      account |  debit | credit
      bank    | 290.51 |
      stripe  |        | 290.51"
    `);
    await paid(3_000);
    await settle();
    await newEntries(h.db, names);
    const po = double.createPayout()!;
    await settle();
    double.failPayout(po.id);
    await settle();
    expect(await newEntries(h.db, names)).toMatchInlineSnapshot(`
      "payout
      account | debit | credit
      bank    | 28.83 |
      stripe  |       |  28.83

      payout (reversal)
      account | debit | credit
      stripe  | 28.83 |
      bank    |       |  28.83"
    `);
  });
});

describe("golden books: a bond through lib/bonds", () => {
  const who = () => ({ lawyer, t1, t2 });

  it("paid with a top-up from the general pool", async () => {
    const campaignId = await insertCampaign(h.db, { lawyerUserId: lawyer.userId });
    await postEntry(h.db, donationEntry({ idempotencyKey: `golden-gift:${campaignId}`, campaignId }, 250_000));
    await newEntries(h.db, {});

    const { bondId } = await requestBondPayment(h.db, lawyer, { campaignId, amountCents: 300_000, topUpCents: 50_000 });
    await approveBondPayment(h.db, t1, bondId);
    // A payment cannot be dated before its approval: the request and approval happened on that day too.
    await backdateBond(h.db, bondId, "2025-02-03");
    await recordBondPayment(h.db, t1, bondId, { method: "ach", traceNumber: "ACH-GOLD01", paidOn: "2025-02-03" });
    expect(await newEntries(h.db, { [campaignId]: "B", [bondId]: "bond B" })).toMatchInlineSnapshot(`
      "bond_payment
      account           |   debit |  credit
      bond:<bond B>     | 3000.00 |
      campaign:<B>      | 2500.00 |
      general           |  500.00 |
      bank              |         | 3000.00
      bonds_outstanding |         | 3000.00"
    `);
  });

  it("posted (I-305) with overfunding, which moves to the general pool", async () => {
    const { bondId, campaignId } = await bondAt(h.db, "approved", who(), { amountCents: 300_000 });
    await postEntry(h.db, donationEntry({ idempotencyKey: `golden-extra:${campaignId}`, campaignId }, 4_321));
    await newEntries(h.db, {});

    await recordBondPayment(h.db, t1, bondId, { method: "ach", traceNumber: "ACH-GOLD02", paidOn: "2025-01-10" });
    await recordBondPosting(h.db, t1, bondId, {
      i305Number: "I305-GOLD02",
      postedOn: "2025-01-10",
      obligor: { kind: "fund" },
    });
    expect(await newEntries(h.db, { [campaignId]: "C", [bondId]: "bond C" })).toMatchInlineSnapshot(`
      "bond_payment
      account           |   debit |  credit
      bond:<bond C>     | 3000.00 |
      campaign:<C>      | 3000.00 |
      bank              |         | 3000.00
      bonds_outstanding |         | 3000.00

      reallocation
      account      | debit | credit
      campaign:<C> | 43.21 |
      general      |       |  43.21"
    `);
  });

  it("refunded by ICE with interest, recycled into the general pool", async () => {
    const { bondId, campaignId } = await bondAt(h.db, "refund_claimed", who(), {
      amountCents: 300_000,
      postedOn: "2025-01-10",
    });
    await newEntries(h.db, {});
    await advanceBond(h.db, t1, bondId, "refund", { refundedOn: "2026-01-10", receivedCents: 309_000 });
    expect(await newEntries(h.db, { [campaignId]: "D", [bondId]: "bond D" })).toMatchInlineSnapshot(`
      "bond_refund
      account           |   debit |  credit
      bank              | 3000.00 |
      bonds_outstanding | 3000.00 |
      bond:<bond D>     |         | 3000.00
      general           |         | 3000.00

      interest
      account | debit | credit
      bank    | 90.00 |
      general |       |  90.00"
    `);
  });

  it("refunded by ICE short of the principal: the shortfall is a forfeiture", async () => {
    const { bondId, campaignId } = await bondAt(h.db, "refund_claimed", who(), { amountCents: 300_000 });
    await newEntries(h.db, {});
    await advanceBond(h.db, t1, bondId, "refund", { refundedOn: "2025-03-01", receivedCents: 299_000 });
    expect(await newEntries(h.db, { [campaignId]: "E", [bondId]: "bond E" })).toMatchInlineSnapshot(`
      "bond_refund
      account           |   debit |  credit
      bank              | 2990.00 |
      bonds_outstanding | 2990.00 |
      bond:<bond E>     |         | 2990.00
      general           |         | 2990.00

      forfeiture
      account           | debit | credit
      bonds_outstanding | 10.00 |
      bond:<bond E>     |       |  10.00"
    `);
  });

  it("breached (I-323) and forfeited", async () => {
    const { bondId, campaignId } = await bondAt(h.db, "posted", who(), { amountCents: 300_000 });
    await newEntries(h.db, {});
    await advanceBond(h.db, t1, bondId, "breach", { i323On: "2025-02-01" });
    await advanceBond(h.db, t1, bondId, "forfeit", { forfeitedOn: "2025-02-20" });
    expect(await newEntries(h.db, { [campaignId]: "F", [bondId]: "bond F" })).toMatchInlineSnapshot(`
      "forfeiture
      account           |   debit |  credit
      bonds_outstanding | 3000.00 |
      bond:<bond F>     |         | 3000.00"
    `);
  });
});
