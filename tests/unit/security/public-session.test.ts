/** Finding 3 (issue 11): what a session holds, and what /api/auth/session may answer. */
import { describe, expect, it } from "vitest";
import { publicSession, sessionPayload } from "@/lib/auth/public-session";

describe("session payloads", () => {
  const adapterSession = {
    sessionToken: "3f1c-secret-token",
    userId: "u1",
    expires: new Date("2026-12-02T18:00:00Z"),
    user: { id: "u1", name: "Ada", email: "ada@fund.example", emailVerified: null, image: null },
  };

  it("the server-side session carries no token and no email", () => {
    const s = sessionPayload({ expires: adapterSession.expires, user: adapterSession.user, roles: ["admin"] });
    const json = JSON.stringify(s);
    expect(json).not.toContain("secret-token");
    expect(json).not.toContain("ada@fund.example");
    expect(s).toMatchObject({ userId: "u1", roles: ["admin"], user: { name: "Ada" } });
  });

  it("the browser gets name, roles and expiry only, whatever the session held", () => {
    const body = { ...adapterSession, roles: ["treasurer"], expires: "2026-12-02T18:00:00.000Z" };
    const pub = publicSession(body);
    expect(pub).toEqual({ user: { name: "Ada" }, roles: ["treasurer"], expires: "2026-12-02T18:00:00.000Z" });
    expect(JSON.stringify(pub)).not.toMatch(/secret-token|ada@|u1/);
    expect(publicSession(null)).toEqual({});
  });
});
