/**
 * Finding 5 (issue 11): sign-in mail is limited per address and per client, counted in the
 * database, with the same outcome for staff and non-staff addresses. Finding 6: a forged
 * X-Forwarded-For neither opens new checkout buckets nor lumps clients together.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { users, userRoles } from "@/db/schema";
import { requestSignInLink } from "@/lib/auth/request-sign-in";
import { clientIp } from "@/lib/donations/client-ip";
import { limitCheckout } from "@/lib/donations/rate-limit";
import { PEER_HEADER } from "@/lib/net/peer-address";
import { createTestDb } from "../../helpers/test-db";

let h: DbHandle;
let sent: string[];
const send = async (email: string) => {
  sent.push(email);
};
const now = new Date("2026-12-02T10:15:00Z");

beforeAll(async () => {
  h = await createTestDb();
  const [u] = await h.db.insert(users).values({ email: "staff@fund.example" }).returning({ id: users.id });
  await h.db.insert(userRoles).values({ userId: u!.id, role: "admin" });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  sent = [];
  await h.db.execute(sql`DELETE FROM rate_limits`);
});

describe("sign-in mail limit (defaults: 5 per address, 30 per client, per hour)", () => {
  it("25 sequential requests for one address send 5 links", async () => {
    const outcomes = [];
    for (let i = 0; i < 25; i++)
      outcomes.push(await requestSignInLink(h.db, { email: "staff@fund.example", client: "198.51.100.1" }, send, now));
    expect(sent).toHaveLength(5);
    expect(outcomes.filter((o) => o === "limited")).toHaveLength(20);
  });

  it("30 parallel requests for one address send 5 links", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        requestSignInLink(h.db, { email: "Staff@Fund.example ", client: `198.51.100.${i + 1}` }, send, now),
      ),
    );
    expect(sent).toHaveLength(5);
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(5);
  });

  it("one client cycling through addresses is stopped after 30", async () => {
    for (let i = 0; i < 40; i++)
      await requestSignInLink(h.db, { email: `a${i}@x.example`, client: "203.0.113.5" }, send, now);
    expect(sent).toHaveLength(30);
  });

  it("answers the same for a staff address and an unknown one", async () => {
    const run = async (email: string) => {
      const out = [];
      for (let i = 0; i < 8; i++) out.push(await requestSignInLink(h.db, { email, client: `c-${email}` }, send, now));
      return out;
    };
    expect(await run("staff@fund.example")).toEqual(await run("nobody@fund.example"));
  });

  it("a new hour starts a new count", async () => {
    for (let i = 0; i < 6; i++) await requestSignInLink(h.db, { email: "s@x.example", client: "c" }, send, now);
    const later = new Date(now.getTime() + 60 * 60 * 1000);
    expect(await requestSignInLink(h.db, { email: "s@x.example", client: "c" }, send, later)).toBe("sent");
  });

  it("keeps no address in the counter table", async () => {
    await requestSignInLink(h.db, { email: "staff@fund.example", client: "198.51.100.9" }, send, now);
    const rows = await h.db.execute(sql`SELECT bucket FROM rate_limits`);
    expect(JSON.stringify(rows)).not.toMatch(/fund\.example|198\.51/);
  });
});

describe("checkout limit and X-Forwarded-For (no trusted proxy)", () => {
  const limits = { perIp: 10, perEmail: 1000 };
  it("13 checkouts with a new forged header each: the 11th is refused", async () => {
    const results = [];
    for (let i = 0; i < 13; i++) {
      const headers = new Headers({ [PEER_HEADER]: "198.51.100.20", "x-forwarded-for": `203.0.113.${i}` });
      results.push(
        await limitCheckout(h.db, { ip: clientIp(headers), email: null }, limits, now).then(
          () => "ok",
          () => "limited",
        ),
      );
    }
    expect(results.filter((r) => r === "ok")).toHaveLength(10);
  });

  it("two clients without the header do not share a bucket", async () => {
    for (let i = 0; i < 10; i++)
      await limitCheckout(
        h.db,
        { ip: clientIp(new Headers({ [PEER_HEADER]: "198.51.100.30" })), email: null },
        limits,
        now,
      );
    await expect(
      limitCheckout(h.db, { ip: clientIp(new Headers({ [PEER_HEADER]: "198.51.100.31" })), email: null }, limits, now),
    ).resolves.toBeUndefined();
  });
});
