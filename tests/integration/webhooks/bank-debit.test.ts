/**
 * Issue 15: a bank gift (ACH) is pending from submission until Stripe says it
 * settled; nothing is booked until then, so a failure days later leaves the
 * books untouched and mails the donor once. Every scenario is fed to two
 * databases, one in order and one shuffled with duplicates (settleBoth), and
 * runs at both card rates (the bank rate is the same for both).
 */
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { campaigns, donations, outboxMessages } from "@/db/schema";
import { raisedByCampaign } from "@/lib/ledger/queries";
import { startOneOffGift } from "../../fixtures/gifts";
import { deliver, RESERVE, routeToDb } from "../../helpers/webhook-harness";
import { newWorld, settleBoth, type World } from "./setup";

const RATES = [
  { plan: "standard", fees: { percentBps: 290, fixedCents: 30 } },
  { plan: "nonprofit", fees: { percentBps: 220, fixedCents: 30 } },
];
const GIFT = 600_000;
const BANK_FEE = 500; // 0.8% of $6,000 is $48, capped at $5

let w: World;
afterEach(async () => w?.close());

async function raised(db: World["a"]["db"]): Promise<number> {
  return (await raisedByCampaign(db, eq(campaigns.id, w.campaign))).get(w.campaign)?.raised ?? 0;
}
async function row(db: World["a"]["db"], id: string) {
  const [r] = await db.select().from(donations).where(eq(donations.id, id));
  return r!;
}
async function entriesFor(db: World["a"]["db"], donationId: string): Promise<number> {
  const [r] = rowsOf<{ n: string | number }>(
    await db.execute(sql`SELECT count(*) AS n FROM journal_entries WHERE memo LIKE ${`%${donationId}%`}`),
  );
  return Number(r!.n);
}
async function submit(outcome: "bank_succeeds" | "bank_fails") {
  const g = await startOneOffGift([w.a.db, w.b.db], w.stripe, w.campaign, {
    amountCents: GIFT,
    email: "congregation@example.test",
    locale: "es",
  });
  for (const db of [w.a.db, w.b.db])
    await db.update(donations).set({ paymentMethod: "us_bank_account" }).where(eq(donations.id, g.donationId));
  w.double.completeCheckout(g.sessionId, outcome);
  const pi = String(w.double.store.get("checkout.session", g.sessionId)!.payment_intent);
  return { ...g, pi };
}

describe.each(RATES)("bank debit at the $plan card rate", ({ fees }) => {
  it("is pending and not in the campaign's figure until it settles; then booked once with the bank fee", async () => {
    w = await newWorld(fees);
    const g = await submit("bank_succeeds");
    const pending = await settleBoth(w, 21);
    for (const db of [w.a.db, w.b.db]) {
      expect(await row(db, g.donationId)).toMatchObject({ status: "pending", paymentMethod: "us_bank_account" });
      expect((await row(db, g.donationId)).bankSubmittedAt).toBeInstanceOf(Date);
      expect(await raised(db)).toBe(0);
      expect(await entriesFor(db, g.donationId)).toBe(0);
    }
    expect(pending.receipts).toBe(0);
    expect(pending.balances).toEqual({ bank: RESERVE, general: RESERVE });
    // Stripe already holds the funds as pending (the balance transaction exists from submission).
    const [txn] = w.double.store.all("balance_transaction");
    expect(txn).toMatchObject({ type: "payment", status: "pending", fee: BANK_FEE, net: GIFT - BANK_FEE });
    expect(txn!.available_on).toBeGreaterThan(txn!.created);

    expect(w.double.resolveBankDebit(g.pi)).toBe("paid");
    const settled = await settleBoth(w, 22);
    expect(settled.balances).toEqual({
      stripe: GIFT - BANK_FEE,
      bank: RESERVE,
      general: RESERVE,
      [`campaign:${w.campaign}`]: GIFT - BANK_FEE,
    });
    for (const db of [w.a.db, w.b.db]) {
      expect(await row(db, g.donationId)).toMatchObject({ status: "succeeded", feeCents: BANK_FEE });
      expect(await raised(db)).toBe(GIFT - BANK_FEE);
    }
    expect(settled.receipts).toBe(1);
  });

  it("a failure days later books nothing, marks the gift failed and mails the donor once (in Spanish)", async () => {
    w = await newWorld(fees);
    const g = await submit("bank_fails");
    await settleBoth(w, 31);
    expect(w.double.resolveBankDebit(g.pi)).toBe("failed");
    const after = await settleBoth(w, 32);
    expect(after.balances).toEqual({ bank: RESERVE, general: RESERVE });
    for (const db of [w.a.db, w.b.db]) {
      const r = await row(db, g.donationId);
      expect(r.status).toBe("failed");
      expect(r.bankFailedAt).toBeInstanceOf(Date);
      expect(await raised(db)).toBe(0);
      expect(await entriesFor(db, g.donationId)).toBe(0);
      const mail = await db.select().from(outboxMessages);
      expect(mail.map((m) => m.kind)).toEqual(["bank_failed"]);
      expect(mail[0]!.subject).toMatch(/no se completó/);
      expect(mail[0]!.textBody).toContain("$6,000.00");
      expect(mail[0]!.textBody).not.toMatch(/congregation@/);
    }
    // Stripe reversed the pending funds: its balance nets to zero, like our books.
    expect(w.double.store.all("balance_transaction").reduce((n, t) => n + t.net, 0)).toBe(0);
  });
});

describe("bank debit events out of order and replayed", () => {
  it("the answer before the submission, every event twice: the same books, one receipt", async () => {
    w = await newWorld();
    const g = await submit("bank_succeeds");
    w.double.resolveBankDebit(g.pi);
    const events = w.double.pendingEvents().reverse();
    w.double.signedEvents(); // drain the queue: this test delivers by hand
    routeToDb(w.a);
    await deliver([...events, ...events], w.double.webhookSecret);
    expect(await row(w.a.db, g.donationId)).toMatchObject({ status: "succeeded", feeCents: BANK_FEE });
    expect(await raised(w.a.db)).toBe(GIFT - BANK_FEE);
    expect((await w.a.db.select().from(outboxMessages)).map((m) => m.kind)).toEqual(["receipt"]);
  });

  it("a failure event replayed after the gift settled, or for a debit still processing, changes nothing", async () => {
    w = await newWorld();
    const g = await submit("bank_succeeds");
    const submitted = w.double.pendingEvents();
    const failedLike = submitted.filter((e) => e.type === "checkout.session.completed");
    await settleBoth(w, 41);
    // A forged "failed" while Stripe says processing: the handler re-reads the PaymentIntent.
    const forged = failedLike.map((e) => ({ ...e, id: `${e.id}_f`, type: "checkout.session.async_payment_failed" }));
    for (const h of [w.a, w.b]) {
      routeToDb(h);
      await deliver(forged as typeof submitted, w.double.webhookSecret);
      expect((await row(h.db, g.donationId)).status).toBe("pending");
    }
    w.double.resolveBankDebit(g.pi, "succeed");
    await settleBoth(w, 42);
    routeToDb(w.a);
    await deliver(forged.map((e) => ({ ...e, id: `${e.id}2` })) as typeof submitted, w.double.webhookSecret);
    expect((await row(w.a.db, g.donationId)).status).toBe("succeeded");
    expect(await raised(w.a.db)).toBe(GIFT - BANK_FEE);
    expect((await w.a.db.select().from(outboxMessages)).map((m) => m.kind)).toEqual(["receipt"]);
  });
});
