/**
 * Runs one chaos test as a script: a deadline for the whole test, cleanups that
 * run whatever happens (servers killed, databases dropped, also on Ctrl-C) and
 * the exit code for chaos/run.ts. Env: CHAOS_DATABASE_URL (a server URL; tests
 * create and drop their own databases there), CHAOS_TIMEOUT_S (per test, 240).
 */
import { DEFAULT_BENCH_URL } from "../bench/bench-db";
import { withTimeout } from "../tests/helpers/next-server";

export interface ChaosContext {
  repoRoot: string;
  serverUrl: string;
  /** Cleanup that runs after the test, whatever happens (last registered first). */
  defer(fn: () => Promise<unknown>): void;
}

export type ChaosTest = (ctx: ChaosContext) => Promise<string>;

export function runChaosTest(name: string, test: ChaosTest): void {
  const cleanups: (() => Promise<unknown>)[] = [];
  const runCleanups = async () => {
    while (cleanups.length) {
      const fn = cleanups.pop()!;
      await withTimeout(fn(), 20_000, "cleanup step timed out").catch((c: unknown) =>
        console.error(`  cleanup: ${c instanceof Error ? c.message : String(c)}`),
      );
    }
  };
  // Ctrl-C must not leave a server running or a database behind.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up`);
      void runCleanups().finally(() => process.exit(130));
    });
  }
  const timeoutS = Number(process.env.CHAOS_TIMEOUT_S || 240);
  const ctx: ChaosContext = {
    repoRoot: process.cwd(),
    serverUrl: process.env.CHAOS_DATABASE_URL || DEFAULT_BENCH_URL,
    defer: (fn) => cleanups.push(fn),
  };
  const started = Date.now();
  console.log(`chaos: ${name}`);
  void withTimeout(
    test(ctx),
    timeoutS * 1000,
    `${name} did not finish within ${timeoutS} s (CHAOS_TIMEOUT_S): something hangs`,
  )
    .then(
      (summary) => {
        console.log(`  PASS ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}`);
        return 0;
      },
      (e: unknown) => {
        console.error(
          `  FAIL ${name} after ${((Date.now() - started) / 1000).toFixed(1)} s:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
        return 1;
      },
    )
    .then(async (code) => {
      await runCleanups();
      process.exit(code);
    });
}
