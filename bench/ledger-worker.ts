/** worker_threads entry for the "threads" mode: its own postgres.js pool, one transfer loop. */
import { parentPort, workerData } from "node:worker_threads";
import { openDb } from "@/db/client";
import { ledgerAccounts } from "@/db/schema";
import { transferLoop, type LoopPlan } from "./ledger-load";

export interface WorkerInput {
  url: string;
  poolMax: number;
  accounts: LoopPlan["accounts"];
  keyPrefix: string;
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "done"; result: Awaited<ReturnType<typeof transferLoop>> }
  | { type: "failed"; message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("ledger-worker must run in a worker thread");
  const input = workerData as WorkerInput;
  const handle = await openDb({ url: input.url, poolMax: input.poolMax, migrate: false });
  try {
    // Warm the connection before the clock starts, as pgbench does before its timer.
    await handle.db.$count(ledgerAccounts);
    const window = await new Promise<{ measureFrom: number; until: number }>((resolve) => {
      port.once("message", resolve);
      port.postMessage({ type: "ready" } satisfies WorkerMessage);
    });
    const result = await transferLoop(handle.db, { accounts: input.accounts, keyPrefix: input.keyPrefix, ...window });
    port.postMessage({ type: "done", result } satisfies WorkerMessage, [result.latenciesMs.buffer as ArrayBuffer]);
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  parentPort?.postMessage({
    type: "failed",
    message: e instanceof Error ? (e.stack ?? e.message) : String(e),
  } satisfies WorkerMessage);
});
