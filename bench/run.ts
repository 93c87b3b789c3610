/**
 * npm run bench — runs every benchmark below against a throwaway database and
 * writes bench/results/latest.{json,md}. Env: BENCH_DATABASE_URL (a server URL;
 * the run creates and drops its own database there), BENCH_SECONDS (per
 * measurement, default 15), BENCH_LEDGER_MODE (loops | threads).
 */
import path from "node:path";
import { openDb, type DbHandle } from "@/db/client";
import { createBenchDatabase, DEFAULT_BENCH_URL, serverVersion, type BenchDatabase } from "./bench-db";
import { DEFAULT_MODE, runLedgerBench } from "./ledger";
import type { LoadMode } from "./ledger-run-load";
import { machineInfo, printFigure, writeResults, type Figure } from "./report";

const repoRoot = process.cwd();
const serverUrl = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL;
const seconds = Number(process.env.BENCH_SECONDS || 15);
const mode = (process.env.BENCH_LEDGER_MODE || DEFAULT_MODE) as LoadMode;

let benchDb: BenchDatabase | undefined;
let handle: DbHandle | undefined;

async function cleanup(): Promise<void> {
  await handle?.close().catch(() => {});
  handle = undefined;
  await benchDb?.drop();
}

async function main(): Promise<number> {
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`BENCH_SECONDS must be a positive number, not "${process.env.BENCH_SECONDS}"`);
  if (mode !== "loops" && mode !== "threads") throw new Error(`BENCH_LEDGER_MODE must be loops or threads, not "${mode}"`);
  const figures: Figure[] = [];
  const notes: string[] = [`ledger load mode: ${mode}; ${seconds} s per measurement after a 1 s warm-up; the ceiling runs right after each scenario`];
  benchDb = await createBenchDatabase(serverUrl);
  console.log(`bench database ${benchDb.name} on ${new URL(serverUrl).host}`);
  handle = await openDb({ url: benchDb.url, poolMax: 4 });
  const machine = machineInfo(await serverVersion(benchDb.url));
  console.log(`${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB, node ${machine.node}, PostgreSQL ${machine.postgres}, ${machine.commit}, load ${machine.loadAverage}`);

  const emit = (f: Figure) => {
    figures.push(f);
    printFigure(f);
  };
  await runLedgerBench({ db: handle.db, url: benchDb.url, seconds, mode, repoRoot, emit, note: (n) => notes.push(n) });

  const dir = path.join(repoRoot, "bench", "results");
  writeResults(dir, machine, figures, notes);
  const misses = figures.filter((f) => f.pass === false);
  console.log(`\nwrote ${path.relative(repoRoot, dir)}/latest.{json,md}: ${misses.length ? `${misses.length} target(s) missed` : "all targets met"}`);
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
