import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** Specs that run against a server of their own (port), named by file. */
const OWN_SERVER: Record<string, { port: number }> = {
  "after-release": { port: PORT + 1 },
  "staff-journeys": { port: PORT + 2 },
};
const ISOLATED = new RegExp(`(${Object.keys(OWN_SERVER).join("|")})\\.spec\\.ts$`);
// The servers inherit this process's environment: APP_URL must be truly unset there, as on a fresh machine.
delete process.env.APP_URL;
if (PORT === 3000) throw new Error("E2E_PORT must not be 3000: the browser tests prove the app follows its own port.");

// Browser tests run a production build (`npm run build` first) against a fresh
// embedded database seeded with the demo fund, in Debian's Chromium.
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    // Auth.js builds localhost URLs; 127.0.0.1 would break sign-in (STACK.md).
    baseURL: `http://localhost:${PORT}`,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // Journeys that take the demo fund's one posted bond to its end (the after-release journey, the
  // treasurers' journeys) each get their own server on a fresh demo fund, so no spec depends on the
  // order the others ran in.
  projects: [
    { name: "journeys", testIgnore: ISOLATED },
    ...Object.entries(OWN_SERVER).map(([name, { port }]) => ({
      name,
      testMatch: new RegExp(`${name}\\.spec\\.ts$`),
      use: { baseURL: `http://localhost:${port}` },
    })),
  ],
  webServer: [
    server(PORT, "e2e"),
    ...Object.entries(OWN_SERVER).map(([name, { port }]) => server(port, `e2e-${name}`)),
  ],
});

/** A production server on its own fresh embedded database (.data/<name>), its output kept in .data/<name>-server.log. */
function server(port: number, name: string) {
  return {
    // The server's output is also kept in .data/${name}-server.log for the privacy canary test.
    command: `rm -rf .data/${name} .data/${name}.lock .data/${name}-server.log && mkdir -p .data && node node_modules/next/dist/bin/next start -p ${port} 2>&1 | tee .data/${name}-server.log`,
    url: `http://localhost:${port}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    // Run as the README's `npm run dev` does: APP_URL unset, a port other than 3000. The app's
    // links, Stripe return URLs and the double's webhooks must follow the port (lib/app-origin.ts).
    // The sign-in and checkout limits are raised because the whole suite signs in and gives from one
    // loopback client (tests/integration/security/sign-in-limit.test.ts and the checkout burst in
    // tests/integration/fuzz-routes.test.ts cover the defaults).
    env: {
      APP_ENV: "test",
      SIGN_IN_LIMIT_PER_EMAIL: "1000",
      SIGN_IN_LIMIT_PER_CLIENT: "10000",
      CHECKOUT_LIMIT_PER_IP: "10000",
      CHECKOUT_LIMIT_PER_EMAIL: "10000",
      PGLITE_DATA_DIR: `.data/${name}`,
      SEED_DEMO: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "info",
    },
  };
}
