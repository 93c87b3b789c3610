import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const TESTS = ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"];

/**
 * What makes a test file change state that outlives it in a process: module
 * mocks, the environment, fake timers, the app's clock or its database-fault
 * state, a swapped mail transport. Such files each get a fresh process
 * ("isolated"); every other file shares its worker's loaded modules
 * ("shared"), which spares loading the app's modules once per file (about
 * half of the suite's time). A new file is sorted by what it contains, so it
 * cannot land in the wrong project by being forgotten.
 */
const CHANGES_PROCESS_STATE =
  /\bvi\.(mock|doMock|stubEnv|stubGlobal|useFakeTimers)\(|process\.env(\.\w+|\[[^\]]+\])\s*=(?!=)|delete process\.env|setClockOffset\(|dbHealthState\(\)\.\w+\s*=|setMailTransportForTests\(/;

function testFiles(): string[] {
  return ["unit", "integration"].flatMap((dir) =>
    readdirSync(path.join(root, "tests", dir), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => `tests/${dir}/${f.split(path.sep).join("/")}`),
  );
}

const isolated = testFiles().filter((f) => CHANGES_PROCESS_STATE.test(readFileSync(path.join(root, f), "utf8")));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests run server code outside Next.js, which is what the guard allows.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    // Vitest's default leaves one core idle; the test files here are CPU-bound (PGlite is WebAssembly).
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || os.availableParallelism(),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ["tests/helpers/global-setup.ts"],
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      { extends: true, test: { name: "isolated", include: isolated, isolate: true } },
      { extends: true, test: { name: "shared", include: TESTS, exclude: isolated, isolate: false } },
    ],
  },
});
