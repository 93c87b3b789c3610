/** One transfer loop: random reallocations between campaign accounts through postEntry, timed one by one. */
import { performance } from "node:perf_hooks";
import type { Db } from "@/db/client";
import { postEntry, type AccountCode } from "@/lib/ledger";

export interface LoopPlan {
  accounts: AccountCode[];
  /** Prefix of every idempotency key this loop writes; must be unique per loop. */
  keyPrefix: string;
  /** Epoch ms: transfers that start before this are warm-up and not counted. */
  measureFrom: number;
  /** Epoch ms: no transfer starts after this. */
  until: number;
}

export interface LoopResult {
  transfers: number;
  errors: number;
  errorSamples: string[];
  latenciesMs: Float64Array;
}

const MAX_ERROR_SAMPLES = 5;

export async function transferLoop(db: Db, plan: LoopPlan): Promise<LoopResult> {
  const n = plan.accounts.length;
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let seq = 0;
  while (Date.now() < plan.until) {
    const a = Math.floor(Math.random() * n);
    let b = Math.floor(Math.random() * (n - 1));
    if (b >= a) b++;
    const amount = 1 + Math.floor(Math.random() * 100);
    const measured = Date.now() >= plan.measureFrom;
    const t0 = performance.now();
    try {
      // Debiting a fund lowers it: money moves from account a to account b.
      await postEntry(db, {
        idempotencyKey: `${plan.keyPrefix}:${seq++}`,
        kind: "reallocation",
        debits: [{ account: plan.accounts[a]!, amount }],
        credits: [{ account: plan.accounts[b]!, amount }],
      });
    } catch (e) {
      // Warm-up errors count too: any refusal means the run did not measure what it claims.
      errors++;
      if (errorSamples.length < MAX_ERROR_SAMPLES) errorSamples.push(e instanceof Error ? e.message : String(e));
      continue;
    }
    // A transfer counts if it started inside the window; the few that finish just after `until` are included, as pgbench does.
    if (measured) latencies.push(performance.now() - t0);
  }
  return { transfers: latencies.length, errors, errorSamples, latenciesMs: Float64Array.from(latencies) };
}
