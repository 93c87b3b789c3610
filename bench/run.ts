/**
 * npm run bench [-- ledger|webhook ...] — runs the benchmarks (all, or the ones
 * named) against throwaway databases and writes bench/results/latest.{json,md}
 * (a run of some scenarios only writes bench/results/<names>.{json,md} instead,
 * so a partial run never replaces the full table). Env: BENCH_DATABASE_URL (a
 * server URL; the run creates and drops its own databases there), BENCH_SECONDS
 * (per measurement, default 15), BENCH_LEDGER_MODE (loops | threads); the
 * webhook scenario needs `npm run build` first (see bench/webhook.ts for its knobs).
 */
import path from "node:path";
import { openDb, type DbHandle } from "@/db/client";
import { createBenchDatabase, DEFAULT_BENCH_URL, serverVersion, type BenchDatabase } from "./bench-db";
import { DEFAULT_MODE, runLedgerBench } from "./ledger";
import type { LoadMode } from "./ledger-run-load";
import { machineInfo, printFigure, writeResults, type Figure } from "./report";
import { runWebhookBench } from "./webhook";

const SCENARIOS = ["ledger", "webhook"] as const;
type Scenario = (typeof SCENARIOS)[number];

const repoRoot = process.cwd();
const serverUrl = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL;
const seconds = Number(process.env.BENCH_SECONDS || 15);
const mode = (process.env.BENCH_LEDGER_MODE || DEFAULT_MODE) as LoadMode;

let benchDb: BenchDatabase | undefined;
let handle: DbHandle | undefined;
/** Run last-registered first: servers stop before their databases are dropped. */
const deferred: (() => Promise<void>)[] = [];

async function cleanup(): Promise<void> {
  while (deferred.length) await deferred.pop()!().catch((e: unknown) => console.error("cleanup step failed:", e));
  await handle?.close().catch(() => {});
  handle = undefined;
  await benchDb?.drop();
}

function scenarios(args: string[]): Scenario[] {
  const wanted = args.filter((a) => !a.startsWith("-"));
  for (const a of wanted) {
    if (!(SCENARIOS as readonly string[]).includes(a)) throw new Error(`unknown benchmark "${a}"; choose from: ${SCENARIOS.join(", ")}`);
  }
  return wanted.length ? SCENARIOS.filter((s) => wanted.includes(s)) : [...SCENARIOS];
}

async function main(): Promise<number> {
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`BENCH_SECONDS must be a positive number, not "${process.env.BENCH_SECONDS}"`);
  if (mode !== "loops" && mode !== "threads") throw new Error(`BENCH_LEDGER_MODE must be loops or threads, not "${mode}"`);
  const run = scenarios(process.argv.slice(2));
  const figures: Figure[] = [];
  const notes: string[] = [];
  const machine = machineInfo(await serverVersion(serverUrl));
  console.log(`${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB, node ${machine.node}, PostgreSQL ${machine.postgres}, ${machine.commit}, load ${machine.loadAverage}`);

  const emit = (f: Figure) => {
    figures.push(f);
    printFigure(f);
  };
  const note = (n: string) => notes.push(n);
  if (run.includes("ledger")) {
    notes.push(`ledger load mode: ${mode}; ${seconds} s per measurement after a 1 s warm-up; the ceiling runs right after each scenario`);
    benchDb = await createBenchDatabase(serverUrl);
    console.log(`bench database ${benchDb.name} on ${new URL(serverUrl).host}`);
    handle = await openDb({ url: benchDb.url, poolMax: 4 });
    await runLedgerBench({ db: handle.db, url: benchDb.url, seconds, mode, repoRoot, emit, note });
    await handle.close();
    handle = undefined;
    await benchDb.drop();
  }
  if (run.includes("webhook")) {
    await runWebhookBench({ serverUrl, seconds, repoRoot, emit, note, defer: (fn) => deferred.push(fn) });
    while (deferred.length) await deferred.pop()!();
  }

  const dir = path.join(repoRoot, "bench", "results");
  const base = run.length === SCENARIOS.length ? "latest" : run.join("-");
  writeResults(dir, machine, figures, notes, base);
  const misses = figures.filter((f) => f.pass === false);
  console.log(`\nwrote ${path.relative(repoRoot, dir)}/${base}.{json,md}: ${misses.length ? `${misses.length} target(s) missed` : "all targets met"}`);
  return misses.length ? 1 : 0;
}

// Ctrl-C must not leave an openbond_bench_* database behind.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: dropping the bench database`);
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    // drizzle's error message carries the whole query with its parameters: keep the head.
    const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
    console.error(text.length > 2_000 ? `${text.slice(0, 2_000)}… (${text.length} characters)` : text);
    await cleanup().catch((c: unknown) => console.error("cleanup failed:", c));
    process.exit(2);
  });
