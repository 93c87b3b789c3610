/**
 * Donor self-service: the mailed link (no enumeration, rate-limited, single use, expiring), the
 * session it opens (one address only), and two donors who try each other's gifts with forged ids.
 */
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { donations, donorAccessTokens, outboxMessages } from "@/db/schema";
import { cancelRecurringGift, findRecurringGift } from "@/lib/donations/cancel-recurring";
import { createCheckout } from "@/lib/donations/checkout";
import { changeRecurringAmount } from "@/lib/donations/manage-recurring";
import { donorSessionEmail, openDonorLink, requestDonorLink } from "@/lib/donor-portal/access";
import { donorGifts, donorMonthlyGifts, donorReceipt, statementYears } from "@/lib/donor-portal/gifts";
import { insertCampaign } from "../../fixtures/campaigns";
import { createTestDb } from "../../helpers/test-db";
import { deliver, newDouble, routeToDb } from "../../helpers/webhook-harness";

let h: DbHandle;
let n = 0;
const AT = new Date("2027-03-01T15:00:00Z");
const later = (min: number) => new Date(AT.getTime() + min * 60_000);

async function monthly(email: string, amount = "20") {
  const w = newDouble();
  const res = await createCheckout(
    h.db,
    w.stripe,
    { campaignSlug: "rosa-texas", amount, frequency: "monthly", email, locale: "en" },
    { ip: `198.51.100.${++n}` },
  );
  w.double.completeCheckout(res.sessionId, "success");
  await deliver(w.double.pendingEvents(), w.double.webhookSecret);
  return { ...w, id: res.id };
}

const links = (to: string) =>
  h.db
    .select()
    .from(outboxMessages)
    .where(like(outboxMessages.dedupeKey, "donor-link:%"))
    .then((rows) => rows.filter((r) => r.toAddress === to));
const tokenIn = (text: string) => /[?&]token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";

let ana: Awaited<ReturnType<typeof monthly>>;
let ben: Awaited<ReturnType<typeof monthly>>;

beforeAll(async () => {
  h = await createTestDb();
  await insertCampaign(h.db, { slug: "rosa-texas", alias: "Rosa" });
  routeToDb(h);
  ana = await monthly("ana@example.org");
  ben = await monthly("ben@example.org", "30");
});
afterAll(async () => h?.close());

describe("the self-service link", () => {
  it("answers the same for an address with gifts and one without, and mails only the first", async () => {
    const client = "203.0.113.1";
    expect(await requestDonorLink(h.db, { email: " Ana@Example.org ", client, locale: "en" }, AT)).toBe("sent");
    expect(await requestDonorLink(h.db, { email: "nobody@example.org", client, locale: "en" }, AT)).toBe("sent");
    expect(await links("ana@example.org")).toHaveLength(1);
    expect(await links("nobody@example.org")).toHaveLength(0);
    // The database holds the token's hash only.
    const [mail] = await links("ana@example.org");
    const token = tokenIn(mail!.textBody);
    const rows = await h.db.select().from(donorAccessTokens);
    expect(rows.some((r) => r.tokenHash.includes(token))).toBe(false);
  });

  it("refuses a malformed address with a clear message, writing nothing", async () => {
    const before = (await h.db.select().from(donorAccessTokens)).length;
    await expect(requestDonorLink(h.db, { email: "not-an-email", client: "x", locale: "en" }, AT)).rejects.toThrow(
      /Enter the email address you gave with/,
    );
    await expect(
      requestDonorLink(h.db, { email: `${"a".repeat(300)}@example.org`, client: "x", locale: "en" }, AT),
    ).rejects.toThrow(/Enter the email/);
    expect(await h.db.select().from(donorAccessTokens)).toHaveLength(before);
  });

  it("is limited per address and per client within the hour (same answer, no more mail)", async () => {
    for (let i = 0; i < 8; i++)
      expect(await requestDonorLink(h.db, { email: "ben@example.org", client: `c${i}`, locale: "es" }, AT)).toBe(
        "sent",
      );
    expect(await links("ben@example.org")).toHaveLength(5); // SIGN_IN_LIMIT_PER_EMAIL default
    for (let i = 0; i < 35; i++)
      await requestDonorLink(h.db, { email: `x${i}@example.org`, client: "one-client", locale: "en" }, AT);
    const spent = await requestDonorLink(h.db, { email: "ana@example.org", client: "one-client", locale: "en" }, AT);
    expect(spent).toBe("sent");
    expect(await links("ana@example.org")).toHaveLength(1);
    const [es] = await links("ben@example.org");
    expect(es!.subject).toMatch(/Sus donaciones/);
    expect(es!.textBody).toContain("/es/my-gifts/open?token=");
  });

  it("works once, and not after 30 minutes; the session lasts an hour and is scoped to one address", async () => {
    const [mail] = await links("ana@example.org");
    const token = tokenIn(mail!.textBody);
    expect(await openDonorLink(h.db, token, later(31))).toBeNull();
    const session = await openDonorLink(h.db, token, later(5));
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await openDonorLink(h.db, token, later(6))).toBeNull(); // spent
    expect(await donorSessionEmail(h.db, session!, later(60))).toBe("ana@example.org");
    expect(await donorSessionEmail(h.db, session!, later(66))).toBeNull();
    // A link token is not a session, and garbage is nothing.
    const [other] = await links("ben@example.org");
    expect(await donorSessionEmail(h.db, tokenIn(other!.textBody), later(1))).toBeNull();
    for (const bad of ["", "x", "a".repeat(43), "' OR 1=1 --", undefined])
      expect(await donorSessionEmail(h.db, bad as string, later(1))).toBeNull();
  });
});

describe("two donors and forged ids", () => {
  it("lists only the session's own gifts and monthly gifts", async () => {
    const mine = await donorGifts(h.db, "ana@example.org");
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ amountCents: 2_000, frequency: "monthly" });
    expect((await donorMonthlyGifts(h.db, "ana@example.org")).map((m) => m.id)).toEqual([ana.id]);
    expect(statementYears(mine, new Date("2999-01-01"))).toHaveLength(1);
  });

  it("never hands out another donor's receipt", async () => {
    const [bensGift] = await h.db.select().from(donations).where(eq(donations.recurringGiftId, ben.id));
    expect(await donorReceipt(h.db, "ben@example.org", bensGift!.id)).not.toBeNull();
    expect(await donorReceipt(h.db, "ana@example.org", bensGift!.id)).toBeNull();
    expect(await donorReceipt(h.db, "ana@example.org", "../../etc/passwd")).toBeNull();
  });

  it("refuses to change, re-card or stop another donor's monthly gift", async () => {
    const asAna = { email: "ana@example.org" };
    expect(await findRecurringGift(h.db, ben.id, asAna)).toBeNull();
    expect(
      await changeRecurringAmount(h.db, ben.stripe, {
        id: ben.id,
        token: asAna,
        amount: "5",
        coverFee: false,
        maxCents: 2_000_000,
      }),
    ).toBe("invalid");
    expect(await cancelRecurringGift(h.db, ben.stripe, ben.id, asAna)).toBe("invalid");
    expect((await findRecurringGift(h.db, ben.id, { email: "ben@example.org" }))?.status).toBe("active");
    // Her own gift she may change.
    expect(
      await changeRecurringAmount(h.db, ana.stripe, {
        id: ana.id,
        token: asAna,
        amount: "37",
        coverFee: true,
        maxCents: 2_000_000,
      }),
    ).toBe("changed");
    expect(await findRecurringGift(h.db, ana.id, asAna)).toMatchObject({ amountCents: 3_841, coverFeeCents: 141 });
  });
});
