/** Issue 11, passkeys: the central role check refuses a session that has not proved its second factor; the RP id comes from configuration only. */
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { relyingParty } from "@/lib/auth/passkeys/relying-party";
import { requireRole, sessionPrincipal } from "@/lib/auth/roles";
import { needsPasskey } from "@/lib/auth/second-factor";
import { isSameOriginJson } from "@/lib/net/same-origin";
import { parseEnv } from "@/lib/env";

const subsets: Role[][] = [[], ["lawyer"], ["treasurer"], ["admin"], ["admin", "lawyer", "treasurer"]];

describe("second factor in the central role check", () => {
  it("a pending session (enrol or verify) holds no role and is refused for every role list, none included", () => {
    for (const state of ["enrol", "verify"] as const)
      for (const held of subsets) {
        const p = sessionPrincipal("u1", held, state);
        expect(p.roles).toEqual([]);
        expect(p.pendingRoles).toEqual(held);
        for (const asked of [[], ...ROLES.map((r) => [r])])
          expect(() => requireRole(p, ...asked)).toThrow(expect.objectContaining({ code: "unauthorized" }));
      }
  });

  it("a verified session, or one that needs no passkey, keeps its roles", () => {
    expect(requireRole(sessionPrincipal("u1", ["admin"], "verified"), "admin").roles).toEqual(["admin"]);
    expect(requireRole(sessionPrincipal("u1", ["lawyer"], "not_required"), "lawyer").roles).toEqual(["lawyer"]);
  });

  it("admins and treasurers need a passkey; lawyers may choose one", () => {
    expect(needsPasskey(["admin"])).toBe(true);
    expect(needsPasskey(["treasurer", "lawyer"])).toBe(true);
    expect(needsPasskey(["lawyer"])).toBe(false);
    expect(needsPasskey([])).toBe(false);
  });
});

describe("relying party", () => {
  const prod = (extra: Record<string, string>) =>
    parseEnv({ NODE_ENV: "production", APP_ENV: "development", APP_URL: "https://bonds.fund.example", ...extra });

  it("its id is the configured origin's host by default", () => {
    expect(relyingParty(prod({}))).toMatchObject({ id: "bonds.fund.example", origin: "https://bonds.fund.example" });
  });

  it("WEBAUTHN_RP_ID may name the host or a parent domain, never another site", () => {
    expect(relyingParty(prod({ WEBAUTHN_RP_ID: "fund.example" })).id).toBe("fund.example");
    expect(() => relyingParty(prod({ WEBAUTHN_RP_ID: "evil.example" }))).toThrow(/WEBAUTHN_RP_ID/);
    expect(() => relyingParty(prod({ WEBAUTHN_RP_ID: "ample" }))).toThrow(/WEBAUTHN_RP_ID/);
    expect(() => prod({ WEBAUTHN_RP_ID: "https://fund.example" })).toThrow();
  });
});

describe("same-origin JSON (CSRF guard)", () => {
  const req = (h: Record<string, string>) => new Request("http://x/", { method: "POST", headers: h });
  const origin = "https://bonds.fund.example";
  it("only the app's origin with a JSON body", () => {
    expect(isSameOriginJson(req({ origin, "content-type": "application/json; charset=utf-8" }), origin)).toBe(true);
    expect(isSameOriginJson(req({ origin: "https://evil.example", "content-type": "application/json" }), origin)).toBe(
      false,
    );
    expect(isSameOriginJson(req({ origin, "content-type": "text/plain" }), origin)).toBe(false);
    expect(
      isSameOriginJson(req({ origin, "content-type": "application/json", "sec-fetch-site": "same-site" }), origin),
    ).toBe(false);
  });
});
