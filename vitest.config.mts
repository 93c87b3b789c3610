import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.dirname(fileURLToPath(import.meta.url)),
      // Tests run server code outside Next.js, which is what the guard allows.
      "server-only": path.join(path.dirname(fileURLToPath(import.meta.url)), "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Vitest's default leaves one core idle; the test files here are CPU-bound (PGlite is WebAssembly).
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || os.availableParallelism(),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ["tests/helpers/global-setup.ts"],
    server: { deps: { inline: ["next-auth"] } },
  },
});
