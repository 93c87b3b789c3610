/**
 * worker_threads entry for the webhook benchmark: autocannon POSTs signed events
 * to `next start`, each request the next one of a fixed plan (every event once,
 * plus re-sends). It runs off the main thread so the Stripe double's HTTP server
 * (main thread) answers the app's re-fetches without waiting behind the load.
 */
import { createHmac } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import autocannon from "autocannon";

export interface LoadPhase {
  /** Indexes into `payloads`, in sending order. */
  order: number[];
}

export interface LoadInput {
  url: string;
  secret: string;
  payloads: string[];
  connections: number;
  timeoutSeconds: number;
  phases: LoadPhase[];
}

export interface PhaseResult {
  requests: number;
  seconds: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Payload indexes that got a 2xx at least once. */
  acked: number[];
  statuses: Record<string, number>;
}

export type LoadMessage = { type: "done"; results: PhaseResult[] } | { type: "failed"; message: string };

const aggregate = (
  autocannon as unknown as { aggregateResult(results: unknown[], opts: autocannon.Options): autocannon.Result }
).aggregateResult;

function sign(payload: string, secret: string): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${payload}`, "utf8").digest("hex")}`;
}

async function runPhase(input: LoadInput, phase: LoadPhase): Promise<PhaseResult> {
  let next = 0;
  const acked = new Set<number>();
  const statuses: Record<string, number> = {};
  const opts: autocannon.Options = {
    url: `${input.url}/api/stripe/webhook`,
    method: "POST",
    connections: Math.min(input.connections, phase.order.length),
    amount: phase.order.length,
    timeout: input.timeoutSeconds,
    requests: [
      {
        setupRequest: (req, context) => {
          const i = phase.order[next++ % phase.order.length]!;
          (context as { i?: number }).i = i;
          const body = input.payloads[i]!;
          return {
            ...req,
            body,
            headers: {
              "content-type": "application/json; charset=utf-8",
              "stripe-signature": sign(body, input.secret),
              "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            },
          };
        },
        onResponse: (status, _body, context) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          const i = (context as { i?: number }).i;
          if (status >= 200 && status < 300 && i !== undefined) acked.add(i);
        },
      },
    ],
  };
  // Off the main thread autocannon believes it is one of its own workers and returns raw, encoded histograms.
  const raw = await autocannon(opts);
  const result = "latency" in raw && raw.latency ? raw : aggregate([raw], opts);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    acked: [...acked],
    statuses,
  };
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("webhook-load-worker must run in a worker thread");
  const input = workerData as LoadInput;
  const results: PhaseResult[] = [];
  for (const phase of input.phases) results.push(await runPhase(input, phase));
  port.postMessage({ type: "done", results } satisfies LoadMessage);
}

main().catch((e: unknown) => {
  parentPort?.postMessage({
    type: "failed",
    message: e instanceof Error ? (e.stack ?? e.message) : String(e),
  } satisfies LoadMessage);
});
