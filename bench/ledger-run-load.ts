/**
 * Drives 8 concurrent transfer loops in one of two shapes:
 * - "loops": one process, 8 async loops sharing one pool of 8 connections;
 * - "threads": 8 worker_threads, each with its own pool of 1 connection.
 * See DEFAULT_MODE in ledger.ts for which one the benchmark keeps, and why.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { openDb } from "@/db/client";
import { ledgerAccounts } from "@/db/schema";
import type { AccountCode } from "@/lib/ledger";
import { transferLoop, type LoopResult } from "./ledger-load";
import type { WorkerInput, WorkerMessage } from "./ledger-worker";

export type LoadMode = "loops" | "threads";

export interface LoadOptions {
  url: string;
  mode: LoadMode;
  workers: number;
  seconds: number;
  warmupMs: number;
  accounts: AccountCode[];
  keyPrefix: string;
  repoRoot: string;
}

export async function runLoad(o: LoadOptions): Promise<LoopResult[]> {
  return o.mode === "loops" ? runLoops(o) : runThreads(o);
}

function windowFromNow(o: LoadOptions) {
  const measureFrom = Date.now() + o.warmupMs;
  return { measureFrom, until: measureFrom + o.seconds * 1000 };
}

async function runLoops(o: LoadOptions): Promise<LoopResult[]> {
  const handle = await openDb({ url: o.url, poolMax: o.workers, migrate: false });
  try {
    await Promise.all(Array.from({ length: o.workers }, () => handle.db.$count(ledgerAccounts)));
    const window = windowFromNow(o);
    return await Promise.all(
      Array.from({ length: o.workers }, (_, i) =>
        transferLoop(handle.db, { accounts: o.accounts, keyPrefix: `${o.keyPrefix}:w${i}`, ...window }),
      ),
    );
  } finally {
    await handle.close();
  }
}

function bootstrap(file: string): string {
  return `require("tsx/cjs/api").register(); require(${JSON.stringify(file)});`;
}

async function runThreads(o: LoadOptions): Promise<LoopResult[]> {
  const file = path.join(o.repoRoot, "bench", "ledger-worker.ts");
  const workers = Array.from({ length: o.workers }, (_, i) => {
    const input: WorkerInput = { url: o.url, poolMax: 1, accounts: o.accounts, keyPrefix: `${o.keyPrefix}:w${i}` };
    // Workers do not inherit the tsx CLI's loader (and on Node 20 `--import tsx` in execArgv comes too late for the entry file).
    return new Worker(bootstrap(file), { eval: true, workerData: input });
  });
  const ready: Promise<void>[] = [];
  const done: Promise<LoopResult>[] = [];
  for (const w of workers) {
    let onReady!: () => void;
    ready.push(new Promise<void>((r) => (onReady = r)));
    done.push(
      new Promise<LoopResult>((resolve, reject) => {
        w.on("error", reject);
        w.on("exit", (code) => reject(new Error(`ledger worker exited with code ${code} before reporting`)));
        w.on("message", (m: WorkerMessage) => {
          if (m.type === "ready") onReady();
          else if (m.type === "done") resolve(m.result);
          else reject(new Error(`ledger worker failed: ${m.message}`));
        });
      }),
    );
  }
  try {
    // A failure before "ready" must not leave the others waiting forever.
    await Promise.race([Promise.all(ready), Promise.all(done)]);
    const window = windowFromNow(o);
    for (const w of workers) w.postMessage(window);
    return await Promise.all(done);
  } finally {
    await Promise.allSettled(workers.map((w) => w.terminate()));
  }
}
