/**
 * One convention for staff server actions: they live in an `actions.ts` beside the page that
 * uses them (never inside a page), and each is built with lib/forms/validated-action.ts.
 * Signing in and out are Auth.js flows, not forms with a principal, and are the named exceptions.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = "app/(staff)";
const AUTH_FLOWS = ["app/(staff)/sign-in/page.tsx", "app/(staff)/account/actions.ts"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe("staff server actions", () => {
  const all = files(ROOT);

  it("are declared only in actions.ts files", () => {
    const stray = all.filter(
      (f) =>
        !f.endsWith("/actions.ts") && !AUTH_FLOWS.includes(f) && /["']use server["']/.test(readFileSync(f, "utf8")),
    );
    expect(stray).toEqual([]);
  });

  it("are each built with validatedAction", () => {
    const actionFiles = all.filter((f) => f.endsWith("/actions.ts") && !AUTH_FLOWS.includes(f));
    expect(actionFiles.length).toBeGreaterThan(5);
    for (const f of actionFiles) {
      const src = readFileSync(f, "utf8");
      expect(src, f).toMatch(/^"use server";/);
      expect(src, `${f}: a plain exported function bypasses the wrapper`).not.toMatch(/export (async )?function/);
      const exported = [...src.matchAll(/export const (\w+) = (\w+)\(/g)];
      expect(exported.length, f).toBeGreaterThan(0);
      for (const [, name, maker] of exported) expect(maker, `${f}: ${name}`).toBe("validatedAction");
    }
  });
});
