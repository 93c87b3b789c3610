/**
 * The passkey JSON endpoints (app/api/passkey/[step]): CSRF (only same-origin JSON from the
 * app's configured origin), the RP id never from a forged Host or X-Forwarded-Host, unknown
 * steps and malformed bodies a 4xx, never a 500.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { webauthnChallenges } from "@/db/schema";
import { appOrigin } from "@/lib/app-origin";
import type { Principal } from "@/lib/auth/roles";
import { principal } from "../../fixtures/people";
import { newSession, principalOf } from "../../fixtures/staff-session";
import { createTestDb } from "../../helpers/test-db";
import { routeToDb } from "../../helpers/webhook-harness";

const session = vi.hoisted(() => ({ me: null as Principal | null, token: undefined as string | undefined }));
vi.mock("@/lib/auth/config", () => ({ currentPrincipal: async () => session.me }));
vi.mock("@/lib/auth/session-cookie", async (orig) => ({
  ...(await orig<typeof import("@/lib/auth/session-cookie")>()),
  currentSessionToken: async () => session.token,
}));

const route = await import("@/app/api/passkey/[step]/route");

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  const { userId } = await principal(h.db, "admin@route.example", ["admin"]);
  session.token = await newSession(h.db, userId);
  session.me = await principalOf(h.db, session.token);
});
afterAll(async () => h?.close());

function call(step: string, headers: Record<string, string>, body = "{}") {
  return route.POST(new Request(`http://localhost/api/passkey/${step}`, { method: "POST", headers, body }), {
    params: Promise.resolve({ step }),
  });
}
const json = { "content-type": "application/json" };
const challenges = async () =>
  h.db.select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, session.me!.userId));

describe("passkey endpoints", () => {
  it("refuse a cross-site request (CSRF): another origin, no origin, a form's content type, sec-fetch-site", async () => {
    const cases: Record<string, string>[] = [
      { ...json, origin: "https://evil.example" },
      { ...json },
      { "content-type": "text/plain", origin: appOrigin() },
      { "content-type": "application/x-www-form-urlencoded", origin: appOrigin() },
      { ...json, origin: appOrigin(), "sec-fetch-site": "cross-site" },
      { ...json, origin: "null" },
    ];
    for (const headers of cases) {
      for (const step of ["enrol-options", "enrol", "verify-options", "verify", "recovery-codes"]) {
        const res = await call(step, headers);
        expect(res.status, `${step} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    expect(await challenges()).toEqual([]);
  });

  it("from the app's own page: enrolment options for the configured RP id, whatever Host or X-Forwarded-Host say", async () => {
    const res = await call("enrol-options", {
      ...json,
      origin: appOrigin(),
      "sec-fetch-site": "same-origin",
      host: "evil.example",
      "x-forwarded-host": "evil.example",
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rp: { id: string }; challenge: string; user: { name: string } };
    expect(body.rp.id).toBe(new URL(appOrigin()).hostname);
    expect(body.user.name).toBe("admin@route.example");
    expect((await challenges()).map((c) => c.challenge)).toEqual([body.challenge]);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("unknown steps are 404, malformed or huge bodies a 4xx with a message, never a 500", async () => {
    const ok = { ...json, origin: appOrigin() };
    for (const step of ["__proto__", "constructor", "toString", "nope"])
      expect((await call(step, ok)).status).toBe(404);
    expect((await call("enrol", ok, "{not json")).status).toBe(400);
    expect((await call("enrol", ok, JSON.stringify({ label: "x".repeat(40_000) }))).status).toBe(413);
    for (const body of ["null", "[]", '"x"', '{"label":"A","response":{"id":1}}', "{}"]) {
      const res = await call("enrol", ok, body);
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
      expect(((await res.json()) as { error: string }).error).toBeTruthy();
    }
    // A pending admin cannot ask for recovery codes (that is an /account action).
    expect((await call("recovery-codes", ok)).status).toBe(401);
    // Nothing to verify yet: the admin has no passkey.
    expect((await call("verify-options", ok)).status).toBe(404);
  });
});
