/**
 * Passkeys as the second factor (issue 11), driven with a software authenticator: trust on
 * first use for an admin, verification, and the attacks: a replayed, expired or borrowed
 * challenge, another person's credential, a cloned authenticator (counter going back), a
 * wrong origin or RP id, and adding a passkey without the existing one.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, outboxMessages, webauthnCredentials } from "@/db/schema";
import { CHALLENGE_TTL_MS } from "@/lib/auth/passkeys/challenges";
import type { PasskeyContext } from "@/lib/auth/passkeys/context";
import { enrolmentOptions, finishEnrolment } from "@/lib/auth/passkeys/enrol";
import { relyingParty } from "@/lib/auth/passkeys/relying-party";
import { finishVerification, verificationOptions } from "@/lib/auth/passkeys/verify";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { principal } from "../../fixtures/people";
import { newSession, principalOf } from "../../fixtures/staff-session";
import { errorCode as code } from "../../helpers/error-code";
import { SoftAuthenticator } from "../../helpers/soft-authenticator";
import { createTestDb } from "../../helpers/test-db";

let h: DbHandle;
let adminId: string, treasurerId: string;
const rp = () => relyingParty();
const device = () => new SoftAuthenticator(rp().origin, rp().id);

async function ctx(token: string, now?: Date): Promise<PasskeyContext> {
  return { db: h.db, me: await principalOf(h.db, token), sessionToken: token, now };
}

async function enrol(userId: string, authn: SoftAuthenticator, label = "Laptop") {
  const token = await newSession(h.db, userId);
  const options = await enrolmentOptions(await ctx(token));
  const result = await finishEnrolment(await ctx(token), { label, response: authn.register(options) });
  return { token, result };
}

async function lastAudit(userId: string) {
  const rows = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, userId));
  return rows.sort((a, b) => +a.at - +b.at).at(-1);
}

const adminDevice = () => device();
let adminKey: SoftAuthenticator;

beforeAll(async () => {
  h = await createTestDb();
  adminId = (await principal(h.db, "admin@passkey.example", ["admin"])).userId;
  treasurerId = (await principal(h.db, "treasurer@passkey.example", ["treasurer"])).userId;
  adminKey = adminDevice();
});
afterAll(async () => h?.close());

describe("passkeys: enrolment (trust on first use)", () => {
  it("an admin fresh from the magic link has no role at all until a passkey is made", async () => {
    const token = await newSession(h.db, adminId);
    const me = (await principalOf(h.db, token)) as Principal;
    expect(me.secondFactor).toBe("enrol");
    expect(me.roles).toEqual([]);
    expect(me.pendingRoles).toEqual(["admin"]);
    expect(() => requireRole(me, "admin")).toThrow(/passkey/);
    expect(() => requireRole(me)).toThrow(/passkey/);
  });

  it("the first passkey is stored, the session is verified, ten codes come back once, it is audited and mailed", async () => {
    const { token, result } = await enrol(adminId, adminKey);
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);
    const me = (await principalOf(h.db, token)) as Principal;
    expect(me.secondFactor).toBe("verified");
    expect(me.roles).toEqual(["admin"]);
    expect(requireRole(me, "admin").userId).toBe(adminId);
    const ev = await lastAudit(adminId);
    expect(ev?.action).toBe("passkey.enrolled");
    expect(ev?.details).toMatchObject({ first: true, firstUse: true, passkeys: 1 });
    const mail = await h.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "admin@passkey.example"));
    expect(mail.map((m) => m.subject).join()).toMatch(/passkey was added/);
    const [stored] = await h.db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, adminId));
    expect(stored).toMatchObject({ label: "Laptop", counter: 0, transports: ["internal"] });
  });

  it("the next sign-in must verify: it cannot add a passkey of its own (that would bypass the first)", async () => {
    const token = await newSession(h.db, adminId);
    expect((await principalOf(h.db, token))?.secondFactor).toBe("verify");
    expect(await code(async () => enrolmentOptions(await ctx(token)))).toBe("forbidden");
    const attacker = device();
    expect(
      await code(async () =>
        finishEnrolment(await ctx(token), { label: "x", response: attacker.register({ challenge: "abc" }) }),
      ),
    ).toBe("forbidden");
  });

  it("a registration from another origin or for another RP id is refused", async () => {
    for (const bend of [{ origin: "https://evil.example" }, { rpId: "evil.example" }]) {
      const token = await newSession(h.db, treasurerId);
      const options = await enrolmentOptions(await ctx(token));
      const response = device().register(options, bend);
      expect(await code(async () => finishEnrolment(await ctx(token), { label: "T", response }))).toBe("validation");
      expect((await lastAudit(treasurerId))?.action).toBe("passkey.enrol_failed");
    }
  });

  it("an enrolment challenge is single use", async () => {
    const token = await newSession(h.db, treasurerId);
    const options = await enrolmentOptions(await ctx(token));
    const authn = device();
    await finishEnrolment(await ctx(token), { label: "Phone", response: authn.register(options) });
    // Same options again, a second key: the challenge is gone.
    const again = device().register(options);
    expect(await code(async () => finishEnrolment(await ctx(token), { label: "Two", response: again }))).toBe(
      "validation",
    );
  });
});

describe("passkeys: verification", () => {
  it("a fresh session verifies with the admin's passkey; the counter and last use are kept", async () => {
    const token = await newSession(h.db, adminId);
    const response = adminKey.assert(await verificationOptions(await ctx(token)));
    await finishVerification(await ctx(token), response);
    expect((await principalOf(h.db, token))?.secondFactor).toBe("verified");
    const [c] = await h.db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, adminId));
    expect(c!.counter).toBe(1);
    expect(c!.lastUsedAt).not.toBeNull();
    expect((await lastAudit(adminId))?.action).toBe("passkey.verified");
  });

  it("a replayed assertion is refused (the challenge was consumed), in the same or another session", async () => {
    const token = await newSession(h.db, adminId);
    const response = adminKey.assert(await verificationOptions(await ctx(token)));
    await finishVerification(await ctx(token), response);
    expect(await code(async () => finishVerification(await ctx(token), response))).toBe("validation");
    const other = await newSession(h.db, adminId);
    await verificationOptions(await ctx(other));
    expect(await code(async () => finishVerification(await ctx(other), response))).toBe("validation");
    expect((await principalOf(h.db, other))?.secondFactor).toBe("verify");
    expect((await lastAudit(adminId))?.details).toMatchObject({ reason: "challenge" });
  });

  it("a challenge issued to one session does not verify another", async () => {
    const a = await newSession(h.db, adminId);
    const b = await newSession(h.db, adminId);
    const response = adminKey.assert(await verificationOptions(await ctx(a)));
    expect(await code(async () => finishVerification(await ctx(b), response))).toBe("validation");
    expect((await principalOf(h.db, b))?.secondFactor).toBe("verify");
  });

  it("an expired challenge is refused", async () => {
    const token = await newSession(h.db, adminId);
    const t0 = new Date();
    const response = adminKey.assert(await verificationOptions(await ctx(token, t0)));
    const late = new Date(t0.getTime() + CHALLENGE_TTL_MS + 1000);
    expect(await code(async () => finishVerification(await ctx(token, late), response))).toBe("validation");
  });

  it("another person's passkey does not verify the treasurer's session", async () => {
    const token = await newSession(h.db, treasurerId);
    const options = await verificationOptions(await ctx(token));
    const response = adminKey.assert(options); // the admin's credential, validly signed
    expect(await code(async () => finishVerification(await ctx(token), response))).toBe("validation");
    expect((await principalOf(h.db, token))?.secondFactor).toBe("verify");
    expect((await lastAudit(treasurerId))?.details).toMatchObject({ reason: "unknown_credential" });
  });

  it("a cloned authenticator (the counter goes back) is refused and audited", async () => {
    const token = await newSession(h.db, adminId);
    const [c] = await h.db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, adminId));
    const response = adminKey.assert(await verificationOptions(await ctx(token)), undefined, { counter: 1 });
    expect(c!.counter).toBeGreaterThan(1);
    expect(await code(async () => finishVerification(await ctx(token), response))).toBe("validation");
    expect((await lastAudit(adminId))?.details).toMatchObject({ reason: "counter_regression" });
    expect((await principalOf(h.db, token))?.secondFactor).toBe("verify");
  });

  it("an assertion made for another origin or RP id, or a tampered signature, is refused", async () => {
    for (const bend of [{ origin: "https://evil.example" }, { rpId: "evil.example" }, { type: "webauthn.create" }]) {
      const token = await newSession(h.db, adminId);
      const response = adminKey.assert(await verificationOptions(await ctx(token)), undefined, bend);
      expect(await code(async () => finishVerification(await ctx(token), response))).toBe("validation");
    }
    const token = await newSession(h.db, adminId);
    const good = adminKey.assert(await verificationOptions(await ctx(token)));
    const sig = Buffer.from(good.response.signature, "base64url");
    sig[sig.length - 1] = sig[sig.length - 1]! ^ 1;
    const tampered = { ...good, response: { ...good.response, signature: sig.toString("base64url") } };
    expect(await code(async () => finishVerification(await ctx(token), tampered))).toBe("validation");
  });

  it("malformed responses are a validation error, never a 500", async () => {
    const token = await newSession(h.db, adminId);
    await verificationOptions(await ctx(token));
    for (const bad of [
      null,
      {},
      { id: "x" },
      { id: "a", rawId: "a", type: "public-key", response: { clientDataJSON: "!!" } },
    ])
      expect(await code(async () => finishVerification(await ctx(token), bad))).toBe("validation");
  });

  it("nobody signed in gets unauthorized", async () => {
    expect(await code(() => verificationOptions({ db: h.db, me: null, sessionToken: undefined }))).toBe("unauthorized");
    expect(await code(() => enrolmentOptions({ db: h.db, me: null, sessionToken: undefined }))).toBe("unauthorized");
  });

  it("a verified session stays its own: no other session of the person is verified by it", async () => {
    const rows = await h.db
      .select()
      .from(webauthnCredentials)
      .where(and(eq(webauthnCredentials.userId, adminId)));
    expect(rows).toHaveLength(1);
    const fresh = await newSession(h.db, adminId);
    expect((await principalOf(h.db, fresh))?.secondFactor).toBe("verify");
  });
});
