/** Issue 10 item 11: one word for the agency holding the bonds (ICE, as the dashboard says), on every staff page and report. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

it("staff pages and reports say ICE, never DHS", () => {
  const offenders = [...files("app/(staff)"), ...files("lib/reports")].filter((f) =>
    /\bDHS\b/.test(readFileSync(f, "utf8")),
  );
  expect(offenders).toEqual([]);
});
