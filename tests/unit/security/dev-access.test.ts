/** Issue 11 finding 11: development tools answer this machine (by socket) or a signed-in admin, never production. */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/roles";
import { prodEnvWithout } from "../../helpers/prod-env";

const state = vi.hoisted(() => ({ me: null as Principal | null }));
vi.mock("@/lib/auth/config", () => ({ currentPrincipal: async () => state.me }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const peer = (ip: string, extra: Record<string, string> = {}) => new Headers({ "x-openbond-peer": ip, ...extra });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  state.me = null;
});

async function allowed(h: Headers, appEnv = "development") {
  vi.stubEnv("APP_ENV", appEnv);
  vi.resetModules();
  const { devToolsAllowed } = await import("@/lib/dev/dev-access");
  return devToolsAllowed(h);
}

describe("development tools access", () => {
  it("a loopback socket is allowed; forged loopback headers from elsewhere are not", async () => {
    expect(await allowed(peer("127.0.0.1"))).toBe(true);
    expect(await allowed(peer("::1"))).toBe(true);
    expect(
      await allowed(
        peer("192.0.2.10", { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", host: "localhost" }),
      ),
    ).toBe(false);
  });

  it("a signed-in admin is allowed from anywhere; other staff are not", async () => {
    state.me = { userId: "u", roles: ["treasurer", "lawyer"] };
    expect(await allowed(peer("192.0.2.10"))).toBe(false);
    state.me = { userId: "u", roles: ["admin"] };
    expect(await allowed(peer("192.0.2.10"))).toBe(true);
  });

  it("never in production, not even for loopback or an admin", async () => {
    state.me = { userId: "u", roles: ["admin"] };
    const prod = prodEnvWithout("NODE_ENV");
    for (const [k, v] of Object.entries(prod)) vi.stubEnv(k, v);
    expect(await allowed(peer("127.0.0.1"), "production")).toBe(false);
  });
});
