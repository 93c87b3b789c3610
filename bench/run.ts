/**
 * npm run bench [-- scenario ...] — runs the named benchmarks (default: all),
 * each against its own throwaway database, and writes
 * bench/results/latest.{json,md} (a run of some scenarios only writes
 * bench/results/<names>.{json,md}, so a partial run never replaces the full
 * table). Env: BENCH_DATABASE_URL (a server URL; the run creates and drops its
 * databases there), BENCH_SECONDS (per measurement, default 15),
 * BENCH_LEDGER_MODE (loops | threads); ports BENCH_APP_PORT, BENCH_STRIPE_PORT,
 * BENCH_PAGE_PORT, BENCH_PAGE_LARGE_PORT, BENCH_WEIGHT_PORT. webhook, page and
 * weight make a production build when there is none or sources are newer.
 */
import os from "node:os";
import path from "node:path";
import { openDb, type DbHandle } from "@/db/client";
import {
  createBenchDatabase,
  DEFAULT_BENCH_URL,
  dropAllBenchDatabases,
  serverVersion,
  type BenchDatabase,
} from "./bench-db";
import { DEFAULT_MODE, runLedgerBench } from "./ledger";
import type { LoadMode } from "./ledger-run-load";
import { runInstancesBench } from "./instances";
import { runPageBench } from "./page";
import { runReconcileBench } from "./reconcile";
import { runStaffBench } from "./staff";
import { LOADED_ABOVE, machineInfo, printFigure, writeResults, type Figure } from "./report";
import { stopAllServers } from "./server";
import { runWebhookBench } from "./webhook";
import { runWeightBench } from "./weight";

const repoRoot = process.cwd();
const serverUrl = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL;
const seconds = Number(process.env.BENCH_SECONDS || 15);
const mode = (process.env.BENCH_LEDGER_MODE || DEFAULT_MODE) as LoadMode;

interface ScenarioContext {
  db: DbHandle["db"];
  url: string;
  emit: (f: Figure) => void;
  note: (text: string) => void;
}

/** `npm run bench -- page weight` runs only those, in this order. */
const SCENARIOS: Record<string, (c: ScenarioContext) => Promise<void>> = {
  ledger: (c) => runLedgerBench({ ...c, seconds, mode, repoRoot }),
  // The webhook scenario makes its own database (and Stripe double, and app server) and registers their cleanup.
  webhook: (c) =>
    runWebhookBench({ serverUrl, seconds, repoRoot, emit: c.emit, note: c.note, defer: (fn) => deferred.push(fn) }),
  page: (c) => runPageBench({ ...c, seconds, repoRoot }),
  weight: (c) => runWeightBench({ ...c, repoRoot }),
  reconcile: (c) => runReconcileBench(c),
  staff: (c) => runStaffBench(c),
  instances: (c) =>
    runInstancesBench({ serverUrl, repoRoot, emit: c.emit, note: c.note, defer: (fn) => deferred.push(fn) }),
};

let benchDb: BenchDatabase | undefined;
let handle: DbHandle | undefined;
/** Run last-registered first: servers stop before their databases are dropped. */
const deferred: (() => Promise<unknown>)[] = [];

async function cleanup(): Promise<void> {
  while (deferred.length) await deferred.pop()!().catch((e: unknown) => console.error("cleanup step failed:", e));
  await stopAllServers();
  await handle?.close().catch(() => {});
  handle = undefined;
  await benchDb?.drop();
  await dropAllBenchDatabases();
}

async function main(): Promise<number> {
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`BENCH_SECONDS must be a positive number, not "${process.env.BENCH_SECONDS}"`);
  if (mode !== "loops" && mode !== "threads")
    throw new Error(`BENCH_LEDGER_MODE must be loops or threads, not "${mode}"`);
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !SCENARIOS[n]);
  if (unknown.length)
    throw new Error(`unknown scenario(s) ${unknown.join(", ")}; choose from ${Object.keys(SCENARIOS).join(", ")}`);
  const selected = names.length ? Object.keys(SCENARIOS).filter((n) => names.includes(n)) : Object.keys(SCENARIOS);
  const figures: Figure[] = [];
  const notes: string[] = [`scenarios: ${selected.join(", ")}`];
  if (selected.includes("ledger"))
    notes.push(
      `ledger load mode: ${mode}; ${seconds} s per measurement after a 1 s warm-up; the ceiling runs right after each scenario`,
    );
  const machine = machineInfo(await serverVersion(serverUrl));
  console.log(
    `${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB, node ${machine.node}, PostgreSQL ${machine.postgres}, ${machine.commit}, load ${machine.loadAverage}`,
  );

  let scenarioLoad = 0;
  const emit = (f: Figure) => {
    const marked: Figure = scenarioLoad > LOADED_ABOVE ? { ...f, loadedAt: scenarioLoad } : f;
    figures.push(marked);
    printFigure(marked);
  };
  for (const name of selected) {
    // A fresh database per scenario: none sees another's data, and each is dropped right after.
    benchDb = await createBenchDatabase(serverUrl);
    console.log(`\n[${name}] bench database ${benchDb.name} on ${new URL(serverUrl).host}`);
    scenarioLoad = os.loadavg()[0]!;
    notes.push(
      `${name}: load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ", ",
        )} (1, 5, 15 min) at its start${scenarioLoad > LOADED_ABOVE ? ` — above ${LOADED_ABOVE}: its figures are marked` : ""}`,
    );
    try {
      handle = await openDb({ url: benchDb.url, poolMax: 4 });
      await SCENARIOS[name]!({ db: handle.db, url: benchDb.url, emit, note: (n) => notes.push(n) });
    } catch (e) {
      // One broken scenario must not hide the others' figures.
      // Cut: a failed bulk insert's message lists every parameter.
      console.error((e instanceof Error ? (e.stack ?? e.message) : String(e)).slice(0, 2000));
      emit({
        name: `${name}: run`,
        value: `failed: ${(e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e)).slice(0, 200)}`,
        target: "completes",
        pass: false,
      });
    } finally {
      await cleanup();
    }
  }

  const dir = path.join(repoRoot, "bench", "results");
  const base = selected.length === Object.keys(SCENARIOS).length ? "latest" : selected.join("-");
  writeResults(dir, machine, figures, notes, base);
  const misses = figures.filter((f) => f.pass === false);
  console.log(
    `\nwrote ${path.relative(repoRoot, dir)}/${base}.{json,md}: ${misses.length ? `${misses.length} target(s) missed` : "all targets met"}`,
  );
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
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    await cleanup().catch((c: unknown) => console.error("cleanup failed:", c));
    process.exit(2);
  });
