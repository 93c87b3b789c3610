/** Issue 10 item 12: generated development secrets are written only under .data/, never elsewhere in the work tree. */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const cwd = process.cwd();
afterEach(() => {
  process.chdir(cwd);
  vi.unstubAllEnvs();
  vi.resetModules();
  delete (globalThis as { __openbondSecrets?: unknown }).__openbondSecrets;
});

describe("development secrets file", () => {
  it("is .data/dev-secrets.json whatever the data folder", async () => {
    const { devSecretsFile } = await import("@/lib/dev-secrets");
    expect(devSecretsFile("/repo")).toBe("/repo/.data/dev-secrets.json");
  });

  for (const dataDir of ["memory://", "pglite", "./db-here", ".data/e2e"]) {
    it(`with PGLITE_DATA_DIR=${dataDir}, nothing is written outside .data/`, async () => {
      const tree = mkdtempSync(path.join(tmpdir(), "ob-secrets-"));
      try {
        process.chdir(tree);
        vi.stubEnv("PGLITE_DATA_DIR", dataDir);
        vi.stubEnv("AUTH_SECRET", "");
        vi.stubEnv("APP_ENV", "development");
        const { secrets } = await import("@/lib/dev-secrets");
        expect(secrets().authSecret.length).toBeGreaterThan(30);
        expect(readdirSync(tree)).toEqual([".data"]);
        expect(readdirSync(path.join(tree, ".data"))).toEqual(["dev-secrets.json"]);
      } finally {
        process.chdir(cwd);
        rmSync(tree, { recursive: true, force: true });
      }
    });
  }
});
