/**
 * npm run chaos [-- name ...] — slow fault tests against real processes and a
 * real PostgreSQL (never part of npm test). Each test gets a deadline; on
 * failure or timeout its cleanups still run (servers killed, databases dropped)
 * and the run exits non-zero. Env: CHAOS_DATABASE_URL (a server URL; tests
 * create and drop their own databases there), CHAOS_TIMEOUT_S (per test, 240).
 * Tests that start `next start` need `npm run build` first.
 */
import { DEFAULT_BENCH_URL } from "../bench/bench-db";
import { withTimeout } from "../tests/helpers/next-server";
import { killIngest } from "./kill-ingest";

export interface ChaosContext {
  repoRoot: string;
  serverUrl: string;
  /** Cleanup that runs after the test, whatever happens (last registered first). */
  defer(fn: () => Promise<unknown>): void;
}

type ChaosTest = (ctx: ChaosContext) => Promise<string>;

const TESTS: Record<string, ChaosTest> = {
  "kill-ingest": killIngest,
};

let cleanups: (() => Promise<unknown>)[] = [];

async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    await withTimeout(fn(), 20_000, "cleanup step timed out").catch((c: unknown) => console.error(`  cleanup: ${c instanceof Error ? c.message : String(c)}`));
  }
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  for (const n of wanted) if (!TESTS[n]) throw new Error(`unknown chaos test "${n}"; choose from: ${Object.keys(TESTS).join(", ")}`);
  const names = wanted.length ? wanted : Object.keys(TESTS);
  const timeoutS = Number(process.env.CHAOS_TIMEOUT_S || 240);
  let failed = 0;
  for (const name of names) {
    cleanups = [];
    const ctx: ChaosContext = { repoRoot: process.cwd(), serverUrl: process.env.CHAOS_DATABASE_URL || DEFAULT_BENCH_URL, defer: (fn) => cleanups.push(fn) };
    const started = Date.now();
    console.log(`chaos: ${name}`);
    try {
      const summary = await withTimeout(TESTS[name]!(ctx), timeoutS * 1000, `${name} did not finish within ${timeoutS} s (CHAOS_TIMEOUT_S): something hangs`);
      console.log(`  PASS ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}`);
    } catch (e) {
      failed++;
      console.error(`  FAIL ${name} after ${((Date.now() - started) / 1000).toFixed(1)} s:\n${e instanceof Error ? e.message : String(e)}`);
    } finally {
      await runCleanups();
    }
  }
  return failed ? 1 : 0;
}

// Ctrl-C must not leave a server running or a database behind.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void runCleanups().finally(() => process.exit(130));
  });
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(2);
  });
