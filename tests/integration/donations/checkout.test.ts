import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { createCheckout, cancelTokenFor, hashCancelToken } from "@/lib/donations/checkout";
import { limitCheckout } from "@/lib/donations/rate-limit";
import { AppError } from "@/lib/errors";
import { createDoubleStripe, StripeDouble } from "@/stripe-double";
import { insertCampaign } from "../../fixtures/campaigns";
import { createTestDb } from "../../helpers/test-db";

let h: DbHandle;
let double: StripeDouble;
let stripe: Stripe;
let campaignId: string;
const ok = { campaignSlug: "dmitri-louisiana", amount: "25", frequency: "one_off", locale: "en" };
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

beforeAll(async () => {
  h = await createTestDb();
  campaignId = await insertCampaign(h.db, { slug: "dmitri-louisiana", alias: "Dmitri", region: "Louisiana" });
  await insertCampaign(h.db, { slug: "nadia-georgia", alias: "Nadia", status: "funded" });
  await insertCampaign(h.db, { slug: "secret-draft", alias: "Draft", status: "draft" });
});
afterAll(async () => h?.close());
beforeEach(() => {
  double = new StripeDouble({ baseUrl: "http://localhost:3000" });
  stripe = createDoubleStripe(double);
});

const count = async (table: "donations" | "recurring_gifts" | "rate_limits") =>
  Number(rowsOf<{ n: number }>(await h.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n);
const sessions = () => double.store.all("checkout.session");

describe("createCheckout", () => {
  it("one-off: a pending donation and a donate session carrying the ids", async () => {
    const res = await createCheckout(
      h.db,
      stripe,
      { ...ok, coverFee: "on", displayName: "Ana", email: "ana@example.org", redirectConsent: "on" },
      { ip: freshIp() },
    );
    const [row] = rowsOf<Record<string, unknown>>(
      await h.db.execute(sql`SELECT * FROM donations WHERE id = ${res.id}`),
    );
    // postgres.js returns bigint columns of a raw query as text, PGlite as numbers.
    expect({
      ...row,
      amount_cents: Number(row!.amount_cents),
      cover_fee_cents: Number(row!.cover_fee_cents),
    }).toMatchObject({
      amount_cents: 2606,
      cover_fee_cents: 106,
      status: "pending",
      frequency: "one_off",
      display_name: "Ana",
      email: "ana@example.org",
      redirect_consent: true,
      checkout_session_id: res.sessionId,
    });
    const s = await stripe.checkout.sessions.retrieve(res.sessionId);
    expect(s).toMatchObject({
      mode: "payment",
      submit_type: "donate",
      amount_total: 2606,
      client_reference_id: res.id,
      customer_email: "ana@example.org",
      metadata: { donation_id: res.id, campaign_id: campaignId },
      success_url: "http://localhost:3000/give/thanks?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://localhost:3000/campaigns/dmitri-louisiana",
    });
    expect(double.store.getCheckoutExtras(res.sessionId)?.piMetadata).toEqual({
      donation_id: res.id,
      campaign_id: campaignId,
    });
    const ttl = s.expires_at - Math.floor(Date.now() / 1000);
    expect(ttl).toBeGreaterThanOrEqual(30 * 60);
    expect(ttl).toBeLessThanOrEqual(32 * 60);
    expect(res.url).toBe(`http://localhost:3000/dev/stripe/checkout/${res.sessionId}`);
    expect(res.cancelToken).toBeUndefined();
  });

  it("monthly: a pending recurring gift with only the token's hash stored, and a subscription session", async () => {
    const res = await createCheckout(
      h.db,
      stripe,
      { ...ok, amount: "10", frequency: "monthly", email: "m@example.org", locale: "es" },
      { ip: freshIp() },
    );
    expect(res.cancelToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = rowsOf<Record<string, unknown>>(
      await h.db.execute(sql`SELECT * FROM recurring_gifts WHERE id = ${res.id}`),
    );
    expect({
      ...row,
      amount_cents: Number(row!.amount_cents),
      cover_fee_cents: Number(row!.cover_fee_cents),
    }).toMatchObject({
      amount_cents: 1000,
      cover_fee_cents: 0,
      status: "pending",
      locale: "es",
      display_name: null,
      checkout_session_id: res.sessionId,
    });
    expect(row!.cancel_token_hash).toBe(hashCancelToken(res.cancelToken!));
    // The receipt mail can rebuild the same link later; the database holds only the hash.
    expect(cancelTokenFor(res.id)).toBe(res.cancelToken);
    expect(JSON.stringify(row)).not.toContain(res.cancelToken!);
    const s = await stripe.checkout.sessions.retrieve(res.sessionId);
    expect(s).toMatchObject({
      mode: "subscription",
      amount_total: 1000,
      client_reference_id: res.id,
      metadata: { recurring_gift_id: res.id, campaign_id: campaignId },
      success_url: "http://localhost:3000/es/give/thanks?session_id={CHECKOUT_SESSION_ID}",
    });
    expect(s.submit_type).toBeNull();
    expect(double.store.getCheckoutExtras(res.sessionId)?.subMetadata).toEqual({
      recurring_gift_id: res.id,
      campaign_id: campaignId,
    });
  });

  it.each([
    [{ amount: "3" }, "amount", "The smallest gift we can accept is $5."],
    [
      { amount: "25000.01" },
      "amount",
      "The largest gift we can take online is $25,000. For more, please contact the fund.",
    ],
    [{ amount: "lots" }, "amount", "Enter an amount in dollars, like 25 or 25.50."],
    [{ frequency: "monthly" }, "email", "A monthly gift needs an email address, for receipts and the link to stop it."],
    [{ email: "a@b" }, "email", "Enter an email address like name@example.org, or leave it empty."],
    [{ campaignSlug: "no-such-campaign" }, "campaignSlug", "This campaign could not be found."],
    [{ campaignSlug: "secret-draft" }, "campaignSlug", "This campaign could not be found."],
    [{ campaignSlug: "nadia-georgia" }, "campaignSlug", "This campaign could not be found."],
  ])("refuses %j with a message on %s, writing nothing", async (over, field, message) => {
    const before = { d: await count("donations"), r: await count("recurring_gifts"), l: await count("rate_limits") };
    const err = await createCheckout(h.db, stripe, { ...ok, ...over }, { ip: freshIp() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "validation", message, details: { field } });
    expect({ d: await count("donations"), r: await count("recurring_gifts"), l: await count("rate_limits") }).toEqual(
      before,
    );
    expect(sessions()).toEqual([]);
  });

  it("the 11th attempt from one IP in an hour is refused", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) await createCheckout(h.db, stripe, ok, { ip });
    const before = await count("donations");
    await expect(createCheckout(h.db, stripe, ok, { ip })).rejects.toMatchObject({ code: "rate_limited" });
    expect(await count("donations")).toBe(before);
    expect(sessions()).toHaveLength(10);
    // A different address is not affected.
    await expect(createCheckout(h.db, stripe, ok, { ip: freshIp() })).resolves.toMatchObject({ kind: "one_off" });
  });

  it("the 6th attempt with one email is refused, from any IP, whatever its case", async () => {
    for (let i = 0; i < 5; i++)
      await createCheckout(h.db, stripe, { ...ok, email: "same@example.org" }, { ip: freshIp() });
    await expect(
      createCheckout(h.db, stripe, { ...ok, email: "SAME@example.org" }, { ip: freshIp() }),
    ).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("a concurrent burst from one IP never gets more than the limit", async () => {
    const ip = freshIp();
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, () => createCheckout(h.db, stripe, ok, { ip })),
    );
    const passed = results.filter((r) => r.status === "fulfilled").length;
    const limited = results.filter(
      (r) => r.status === "rejected" && (r.reason as AppError).code === "rate_limited",
    ).length;
    expect(passed).toBe(10);
    expect(limited).toBe(15);
  });

  it("a new hour starts a new window", async () => {
    const who = { ip: freshIp(), email: null };
    const limits = { perIp: 2, perEmail: 2 };
    const t0 = new Date("2030-01-01T10:59:00Z");
    await limitCheckout(h.db, who, limits, t0);
    await limitCheckout(h.db, who, limits, t0);
    await expect(limitCheckout(h.db, who, limits, t0)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(limitCheckout(h.db, who, limits, new Date("2030-01-01T11:00:00Z"))).resolves.toBeUndefined();
  });
});

describe("createCheckout: bank debit (issue 15)", () => {
  it("a $6,000 bank gift: the bank fee cover ($5), a bank-only session, the method on the row", async () => {
    const res = await createCheckout(
      h.db,
      stripe,
      { ...ok, amount: "6000", coverFee: "on", paymentMethod: "us_bank_account" },
      { ip: freshIp() },
    );
    const [row] = rowsOf<Record<string, unknown>>(
      await h.db.execute(sql`SELECT amount_cents, cover_fee_cents, payment_method FROM donations WHERE id = ${res.id}`),
    );
    expect({ ...row, amount_cents: Number(row!.amount_cents), cover_fee_cents: Number(row!.cover_fee_cents) }).toEqual({
      amount_cents: 600_500,
      cover_fee_cents: 500,
      payment_method: "us_bank_account",
    });
    const s = sessions().find((x) => x.id === res.sessionId)!;
    expect(s.allowed_payment_method_types).toEqual(["us_bank_account"]);
    expect(s.payment_method_types).toEqual(["us_bank_account"]);
  });

  it("a card gift's session takes cards only, so a $20 gift cannot be paid by bank on Stripe's page", async () => {
    const res = await createCheckout(h.db, stripe, ok, { ip: freshIp() });
    expect(sessions().find((x) => x.id === res.sessionId)!.allowed_payment_method_types).toEqual(["card"]);
  });

  it.each([
    ["under the minimum", { amount: "499.99" }, "bankTooSmall"],
    ["monthly", { amount: "600", frequency: "monthly", email: "a@example.org" }, "bankMonthly"],
  ])("refuses a bank gift %s, writing nothing and asking Stripe for nothing", async (_n, over, key) => {
    const before = [await count("donations"), await count("recurring_gifts"), await count("rate_limits")];
    const n = sessions().length;
    await expect(
      createCheckout(h.db, stripe, { ...ok, ...over, paymentMethod: "us_bank_account" }, { ip: freshIp() }),
    ).rejects.toMatchObject({ code: "validation", details: { field: "paymentMethod", key } });
    expect([await count("donations"), await count("recurring_gifts"), await count("rate_limits")]).toEqual(before);
    expect(sessions().length).toBe(n);
  });
});
