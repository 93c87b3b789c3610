/** Finding 4 (issue 11): nonce-only scripts, and HSTS whenever the app is reached over HTTPS. */
import { describe, expect, it } from "vitest";
import { newNonce, NON_PAGE_CSP, pageCsp, wantsHsts } from "@/lib/security-headers";

const scriptSrc = (csp: string) => csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";

describe("security headers", () => {
  it("scripts need this response's nonce; no 'unsafe-inline' in production or development", () => {
    for (const dev of [false, true]) {
      const src = scriptSrc(pageCsp({ nonce: "abc123==", dev }));
      expect(src).toContain("'nonce-abc123=='");
      expect(src).toContain("'strict-dynamic'");
      expect(src).not.toContain("'unsafe-inline'");
    }
    expect(scriptSrc(pageCsp({ nonce: "n", dev: false }))).not.toContain("unsafe-eval");
    expect(scriptSrc(NON_PAGE_CSP)).toContain("'none'");
  });

  it("nonces are fresh and 128-bit", () => {
    const seen = new Set(Array.from({ length: 200 }, newNonce));
    expect(seen.size).toBe(200);
    for (const n of seen) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("HSTS whenever served over HTTPS, whatever APP_ENV", () => {
    expect(wantsHsts({ requestProtocol: "https:", configuredHttps: false })).toBe(true);
    expect(wantsHsts({ requestProtocol: "http:", configuredHttps: true })).toBe(true);
    expect(wantsHsts({ requestProtocol: "http:", configuredHttps: false })).toBe(false);
  });
});
