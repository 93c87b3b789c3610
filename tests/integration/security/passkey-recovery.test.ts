/**
 * Recovery codes and passkey management (issue 11): a code works once, says how many remain
 * and is audited; guessing is limited per person per hour; admins and treasurers keep their
 * last passkey; an admin resets a lost device for someone else (never for themselves).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, recoveryCodes, sessions, webauthnCredentials } from "@/db/schema";
import { enrolmentOptions, finishEnrolment } from "@/lib/auth/passkeys/enrol";
import { myPasskeys, regenerateMyRecoveryCodes, removeMyPasskey, resetStaffPasskeys } from "@/lib/auth/passkeys/manage";
import { redeemRecoveryCode } from "@/lib/auth/passkeys/recovery-codes";
import { relyingParty } from "@/lib/auth/passkeys/relying-party";
import { env } from "@/lib/env";
import type { Principal } from "@/lib/auth/roles";
import { principal } from "../../fixtures/people";
import { newSession, principalOf } from "../../fixtures/staff-session";
import { errorCode as code } from "../../helpers/error-code";
import { SoftAuthenticator } from "../../helpers/soft-authenticator";
import { createTestDb } from "../../helpers/test-db";

let h: DbHandle;
const ids = {} as Record<"admin" | "admin2" | "treasurer" | "lawyer", string>;
const codes = {} as Record<string, string[]>;

const ctx = async (token: string) => ({ db: h.db, me: await principalOf(h.db, token), sessionToken: token });
const me = async (token: string) => (await principalOf(h.db, token)) as Principal;

async function enrol(userId: string, label = "Laptop"): Promise<{ token: string; codes: string[] | null }> {
  const token = await newSession(h.db, userId);
  const authn = new SoftAuthenticator(relyingParty().origin, relyingParty().id);
  const options = await enrolmentOptions(await ctx(token));
  const r = await finishEnrolment(await ctx(token), { label, response: authn.register(options) });
  return { token, codes: r.recoveryCodes };
}

const actions = async (userId: string) =>
  (await h.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, userId))).map((r) => r.a);

beforeAll(async () => {
  h = await createTestDb();
  ids.admin = (await principal(h.db, "a1@recovery.example", ["admin"])).userId;
  ids.admin2 = (await principal(h.db, "a2@recovery.example", ["admin"])).userId;
  ids.treasurer = (await principal(h.db, "t@recovery.example", ["treasurer"])).userId;
  ids.lawyer = (await principal(h.db, "l@recovery.example", ["lawyer"])).userId;
  for (const who of ["admin", "admin2", "treasurer"] as const) codes[who] = (await enrol(ids[who])).codes!;
});
afterAll(async () => h?.close());

describe("recovery codes", () => {
  it("are stored hashed, never as typed", async () => {
    const rows = await h.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, ids.treasurer));
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows);
    for (const c of codes.treasurer!) {
      expect(stored).not.toContain(c);
      expect(stored).not.toContain(c.replace(/-/g, ""));
    }
  });

  it("one verifies a session instead of the passkey, is audited, and tells how many remain", async () => {
    const token = await newSession(h.db, ids.treasurer);
    // Typed loosely, as people do: upper case, spaces instead of dashes.
    const typed = ` ${codes.treasurer![0]!.toUpperCase().replace(/-/g, " ")} `;
    expect(await redeemRecoveryCode(await ctx(token), { code: typed })).toEqual({ remaining: 9 });
    expect((await me(token)).secondFactor).toBe("verified");
    expect(await actions(ids.treasurer)).toContain("recovery_code.used");
  });

  it("a used code does not work again", async () => {
    const token = await newSession(h.db, ids.treasurer);
    expect(await code(async () => redeemRecoveryCode(await ctx(token), { code: codes.treasurer![0] }))).toBe(
      "validation",
    );
    expect((await me(token)).secondFactor).toBe("verify");
    expect(await actions(ids.treasurer)).toContain("recovery_code.failed");
  });

  it("two requests racing with one code: only one wins", async () => {
    const [a, b] = [await newSession(h.db, ids.treasurer), await newSession(h.db, ids.treasurer)];
    const [ca, cb] = [await ctx(a), await ctx(b)];
    const results = await Promise.all(
      [ca, cb].map((c) => code(() => redeemRecoveryCode(c, { code: codes.treasurer![1] }))),
    );
    expect(results.sort()).toEqual(["ok", "validation"]);
  });

  it("guessing is limited per person per hour: past the limit even the right code is refused", async () => {
    const token = await newSession(h.db, ids.admin2);
    const limit = env().RECOVERY_CODE_LIMIT_PER_HOUR;
    for (let i = 0; i < limit; i++)
      expect(await code(async () => redeemRecoveryCode(await ctx(token), { code: `guess-${i}` }))).toBe("validation");
    expect(await code(async () => redeemRecoveryCode(await ctx(token), { code: codes.admin2![0] }))).toBe(
      "rate_limited",
    );
    // A new session does not reset the count: it is per person.
    const other = await newSession(h.db, ids.admin2);
    expect(await code(async () => redeemRecoveryCode(await ctx(other), { code: codes.admin2![0] }))).toBe(
      "rate_limited",
    );
    expect(await actions(ids.admin2)).toContain("recovery_code.limited");
  });

  it("a session that needs no code, or nobody, cannot use one", async () => {
    const verified = (await enrol(ids.lawyer, "Lawyer phone")).token;
    expect(await code(async () => redeemRecoveryCode(await ctx(verified), { code: "x" }))).toBe("conflict");
    expect(await code(() => redeemRecoveryCode({ db: h.db, me: null, sessionToken: undefined }, { code: "x" }))).toBe(
      "unauthorized",
    );
  });

  it("new codes replace the old set, and a pending session cannot ask for them", async () => {
    const pending = await newSession(h.db, ids.treasurer);
    expect(await code(async () => regenerateMyRecoveryCodes(h.db, await me(pending)))).toBe("unauthorized");
    const { token } = { token: await newSession(h.db, ids.treasurer) };
    await redeemRecoveryCode(await ctx(token), { code: codes.treasurer![2] });
    const fresh = await regenerateMyRecoveryCodes(h.db, await me(token));
    expect(fresh).toHaveLength(10);
    const next = await newSession(h.db, ids.treasurer);
    expect(await code(async () => redeemRecoveryCode(await ctx(next), { code: codes.treasurer![3] }))).toBe(
      "validation",
    );
    expect(await redeemRecoveryCode(await ctx(next), { code: fresh[0] })).toEqual({ remaining: 9 });
    expect(await actions(ids.treasurer)).toContain("recovery_code.regenerated");
  });
});

let used = 0;
/** A session of `who` verified with one of their recovery codes (each call uses the next code). */
async function verifiedAdmin(): Promise<string> {
  const token = await newSession(h.db, ids.admin);
  await redeemRecoveryCode(await ctx(token), { code: codes.admin![used++] });
  return token;
}

async function addPasskey(token: string, label: string) {
  const authn = new SoftAuthenticator(relyingParty().origin, relyingParty().id);
  const options = await enrolmentOptions(await ctx(token));
  return finishEnrolment(await ctx(token), { label, response: authn.register(options) });
}

describe("managing passkeys", () => {
  it("an admin cannot remove their last passkey; with two, one goes (audited); no new codes for the second", async () => {
    const token = await verifiedAdmin();
    const mine = await myPasskeys(h.db, await me(token));
    expect(mine).toMatchObject({ codesLeft: 9, mustKeepOne: true }); // one code used to verify this session
    expect(mine.passkeys).toHaveLength(1);
    const only = mine.passkeys[0]!.id;
    expect(await code(async () => removeMyPasskey(h.db, await me(token), { credentialId: only }))).toBe("conflict");
    expect((await addPasskey(token, "Phone")).recoveryCodes).toBeNull();
    await removeMyPasskey(h.db, await me(token), { credentialId: only });
    const after = await myPasskeys(h.db, await me(token));
    expect(after.passkeys.map((p) => p.label)).toEqual(["Phone"]);
    expect(await actions(ids.admin)).toContain("passkey.removed");
  });

  it("nobody removes another person's passkey, and a pending session manages nothing", async () => {
    const token = await verifiedAdmin();
    const [theirs] = await h.db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, ids.admin2));
    expect(await code(async () => removeMyPasskey(h.db, await me(token), { credentialId: theirs!.id }))).toBe(
      "not_found",
    );
    const pending = await newSession(h.db, ids.admin2);
    expect(await code(async () => removeMyPasskey(h.db, await me(pending), { credentialId: theirs!.id }))).toBe(
      "unauthorized",
    );
    expect(await code(async () => myPasskeys(h.db, await me(pending)))).toBe("unauthorized");
    expect(await code(async () => removeMyPasskey(h.db, await me(token), { credentialId: "../x" }))).toBe("validation");
  });

  it("a lawyer may remove their only passkey: the codes go with it and sign-in needs none again", async () => {
    const token = (await h.db.select().from(sessions).where(eq(sessions.userId, ids.lawyer)))[0]!.sessionToken;
    const [only] = (await myPasskeys(h.db, await me(token))).passkeys;
    await removeMyPasskey(h.db, await me(token), { credentialId: only!.id });
    expect(await h.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, ids.lawyer))).toEqual([]);
    expect((await me(await newSession(h.db, ids.lawyer))).secondFactor).toBe("not_required");
  });

  it("an admin resets another person's passkeys (lost device): all gone, sessions ended, audited", async () => {
    const token = await verifiedAdmin();
    await newSession(h.db, ids.treasurer);
    const result = await resetStaffPasskeys(h.db, await me(token), { userId: ids.treasurer });
    expect(result.passkeys).toBe(1);
    expect(result.sessionsEnded).toBeGreaterThan(0);
    expect(await h.db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, ids.treasurer))).toEqual(
      [],
    );
    expect(await h.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, ids.treasurer))).toEqual([]);
    expect(await h.db.select().from(sessions).where(eq(sessions.userId, ids.treasurer))).toEqual([]);
    const [ev] = await h.db.select().from(auditLog).where(eq(auditLog.action, "passkey.reset"));
    expect(ev).toMatchObject({ actorUserId: ids.admin, subjectId: ids.treasurer });
    expect((await me(await newSession(h.db, ids.treasurer))).secondFactor).toBe("enrol");
  });

  it("reset: never one's own, never by a treasurer or a pending admin, never a non-staff id", async () => {
    const token = await verifiedAdmin();
    expect(await code(async () => resetStaffPasskeys(h.db, await me(token), { userId: ids.admin }))).toBe("forbidden");
    expect(await code(async () => resetStaffPasskeys(h.db, await me(token), { userId: "nobody" }))).toBe("not_found");
    const pending = await newSession(h.db, ids.admin2);
    expect(await code(async () => resetStaffPasskeys(h.db, await me(pending), { userId: ids.admin }))).toBe(
      "unauthorized",
    );
    const treasurer = { userId: ids.treasurer, roles: ["treasurer" as const], secondFactor: "verified" as const };
    expect(await code(() => resetStaffPasskeys(h.db, treasurer, { userId: ids.admin }))).toBe("forbidden");
  });
});
