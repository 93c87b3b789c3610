/** Findings 9 and 10 (issue 11): no email, token or SQL parameter reaches a log line, from any writer. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { installConsoleScrub, scrubText, scrubValue } from "@/lib/log-scrub";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const nextConfig = require("../../../next.config.js") as { logging?: Record<string, unknown> };

describe("log scrubbing", () => {
  afterEach(() => vi.restoreAllMocks());

  it("removes emails, tokens and query parameters from text", () => {
    const line =
      "GET /api/auth/callback/email?callbackUrl=%2Faccount&token=9f8e7d6c5b4a&email=admin%40openbond.example 200; to admin@openbond.example";
    const out = scrubText(line);
    expect(out).not.toMatch(/9f8e7d6c5b4a|admin%40openbond|admin@openbond/);
    expect(out).toContain("token=[redacted]");
  });

  it("withholds drizzle's failed query text and its parameters", () => {
    const err = new Error(
      'Failed query: select "legal_name" from "case_files" where "id" = $1\nparams: Maria Lopez,A123456789',
    );
    const safe = scrubValue(err) as Error;
    expect(safe.message).toBe("Failed query: [query and parameters withheld]");
    expect(String(safe.stack)).not.toMatch(/Maria|A123456789|case_files/);
  });

  it("applies to console output, which is what Next.js prints errors with", () => {
    const seen: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void seen.push(args);
    try {
      // Installs over the capturing function above, as it would over Node's console at start-up.
      (globalThis as { __openbondConsoleScrub?: boolean }).__openbondConsoleScrub = false;
      installConsoleScrub();
      console.error(new Error("Failed query: insert into x values ($1)\nparams: staff@fund.example"), "to a@b.example");
    } finally {
      console.error = original;
    }
    expect(JSON.stringify(seen.map((a) => a.map((v) => (v instanceof Error ? v.message : v))))).not.toMatch(
      /staff@fund|a@b\.example|insert into/,
    );
  });

  it("Next.js request and server-function logging is off in every mode", () => {
    expect(nextConfig.logging).toMatchObject({ incomingRequests: false, serverFunctions: false });
  });
});
