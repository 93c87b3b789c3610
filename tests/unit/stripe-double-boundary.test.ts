/**
 * No product code imports or calls the Stripe double (ESLint refuses static
 * imports; this also covers dynamic ones): only the Stripe client loads it, and
 * only the /dev tools use it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const DEV = [path.join("app", "dev") + path.sep, path.join("lib", "dev") + path.sep];

it("product code names the double only in type imports, and loads it only in lib/payments/stripe-client.ts", () => {
  const offenders: string[] = [];
  for (const file of [...sources("app"), ...sources("lib")]) {
    if (DEV.some((d) => file.startsWith(d))) continue;
    const text = readFileSync(file, "utf8");
    for (const line of text.split("\n")) {
      if (!/stripe-double/.test(line) || !/\b(import|require)\b/.test(line)) continue;
      if (/^\s*import type /.test(line) || /^\s*\*|^\s*\/\//.test(line)) continue;
      if (
        file === path.join("lib", "payments", "stripe-client.ts") &&
        /await import\("@\/stripe-double"\)|import\("@\/stripe-double"\)/.test(line)
      )
        continue;
      offenders.push(`${file}: ${line.trim()}`);
    }
  }
  expect(offenders).toEqual([]);
});
