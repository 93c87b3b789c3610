/**
 * Schedule B: Checkout requires name and address for a single gift of $5,000 or more (and only
 * then); the webhook keeps them sealed; the treasury list shows donors reaching $5,000 in a year,
 * to treasurers only, each read audited. The statement resend refuses the wrong role and a year
 * not over, writing nothing.
 */
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, donations, donorContactDetails, outboxMessages, recurringGiftContacts } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { createCheckout } from "@/lib/donations/checkout";
import { IDLE } from "@/lib/forms/form-state";
import { scheduleBDonors } from "@/lib/receipts/schedule-b";
import { yearOf } from "@/lib/receipts/statement";
import { insertCampaign } from "../../fixtures/campaigns";
import { principal } from "../../fixtures/people";
import { createTestDb } from "../../helpers/test-db";
import { deliver, newDouble, routeToDb } from "../../helpers/webhook-harness";

const session = vi.hoisted(() => ({ me: null as Principal | null }));
vi.mock("@/lib/auth/config", () => ({ currentPrincipal: async () => session.me, auth: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));

let h: DbHandle;
let n = 0;
const people = {} as Record<"treasurer" | "admin" | "lawyer", Principal>;

async function give(email: string, amount: string, frequency: "one_off" | "monthly" = "one_off") {
  const w = newDouble();
  const res = await createCheckout(
    h.db,
    w.stripe,
    { campaignSlug: "rosa-texas", amount, frequency, email, locale: "en" },
    { ip: `192.0.2.${++n}` },
  );
  const created = await w.stripe.checkout.sessions.retrieve(res.sessionId);
  w.double.completeCheckout(res.sessionId, "success");
  await deliver(w.double.pendingEvents(), w.double.webhookSecret);
  return { id: res.id, collection: created.billing_address_collection };
}

beforeAll(async () => {
  h = await createTestDb();
  await insertCampaign(h.db, { slug: "rosa-texas", alias: "Rosa", goalCents: 5_000_000 });
  routeToDb(h);
  people.treasurer = await principal(h.db, "t@example.org", ["treasurer"]);
  people.admin = await principal(h.db, "a@example.org", ["admin"]);
  people.lawyer = await principal(h.db, "l@example.org", ["lawyer"]);
});
afterAll(async () => h?.close());

describe("Schedule B", () => {
  it("requires the billing address from $5,000 only, and keeps it sealed", async () => {
    const small = await give("small@example.org", "4999.99");
    expect(small.collection).toBeNull();
    const big = await give("big@example.org", "6000");
    expect(big.collection).toBe("required");
    const rows = await h.db.select().from(donorContactDetails);
    expect(rows.map((r) => r.donationId)).toEqual([big.id]);
    expect(rows[0]!.envelope).not.toMatch(/Test Street|El Paso|Test Donor/);
    const [d] = await h.db.select().from(donations).where(eq(donations.id, big.id));
    expect(d!.status).toBe("succeeded");
  });

  it("lists donors reaching $5,000 in the year with name and address, and audits the read", async () => {
    // Two gifts under $5,000 that reach it together: listed, with no address collected.
    await give("two@example.org", "3000");
    await give("two@example.org", "2000");
    const year = yearOf(new Date());
    const list = await scheduleBDonors(h.db, year, people.treasurer.userId);
    expect(list.map((r) => r.email)).toEqual(["big@example.org", "two@example.org"]);
    expect(list[0]).toMatchObject({
      totalCents: 600_000,
      contact: { name: "Test Donor", address: { line1: "100 Test Street", city: "El Paso", postal_code: "79901" } },
    });
    expect(list[1]).toMatchObject({ totalCents: 500_000, gifts: 2, contact: null });
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, "schedule_b.read"));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toMatch(/Test Street|big@example/);
  });

  it("keeps the address of a monthly gift of $5,000 too, with the monthly gift (so each month has it)", async () => {
    const small = await give("monthly-small@example.org", "4999", "monthly");
    expect(small.collection).toBeNull();
    const big = await give("monthly@example.org", "5000", "monthly");
    expect(big.collection).toBe("required");
    const kept = await h.db.select().from(recurringGiftContacts);
    expect(kept.map((r) => r.recurringGiftId)).toEqual([big.id]);
    expect(kept[0]!.envelope).not.toMatch(/Test Street|El Paso|Test Donor/);
    const list = await scheduleBDonors(h.db, yearOf(new Date()), people.treasurer.userId);
    expect(list.find((r) => r.email === "monthly@example.org")).toMatchObject({
      totalCents: 500_000,
      contact: { name: "Test Donor", address: { line1: "100 Test Street", city: "El Paso" } },
    });
    expect(list.find((r) => r.email === "monthly-small@example.org")).toBeUndefined();
  });
});

describe("resending a statement from the treasury", () => {
  const form = (email: string, year: string) => {
    const f = new FormData();
    f.set("email", email);
    f.set("year", year);
    return f;
  };

  it("is for treasurers; a year not over or a bad address is refused with nothing written", async () => {
    const { resendStatementAction } = await import("@/app/(staff)/treasury/receipts/actions");
    const count = async () =>
      (await h.db.select().from(outboxMessages).where(like(outboxMessages.dedupeKey, "statement:%"))).length;
    const thisYear = String(yearOf(new Date()));
    for (const who of [people.admin, people.lawyer]) {
      session.me = who;
      const r = await resendStatementAction(IDLE, form("big@example.org", String(Number(thisYear) - 1)));
      expect(JSON.stringify(r)).toMatch(/treasurer/);
    }
    session.me = people.treasurer;
    expect(JSON.stringify(await resendStatementAction(IDLE, form("big@example.org", thisYear)))).toMatch(
      /is not over yet/,
    );
    expect(JSON.stringify(await resendStatementAction(IDLE, form("not an email", "2020")))).toMatch(/Enter the email/);
    expect(JSON.stringify(await resendStatementAction(IDLE, form("big@example.org", "20x5")))).toMatch(/Enter a year/);
    expect(JSON.stringify(await resendStatementAction(IDLE, form("big@example.org", "2020")))).toMatch(/No gifts/);
    expect(await count()).toBe(0);
  });
});
