/** The webhook benchmark's load: the sending order, the load worker, and Stripe-like resends of what was missed. */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { signatureHeader } from "../tests/helpers/ingest-world";
import { withTimeout } from "../tests/helpers/next-server";
import type { LoadInput, LoadMessage, PhaseResult } from "./webhook-load-worker";

/**
 * Sending order for one phase: each of `uniques` once, in order but locally
 * shuffled (Stripe does not promise order), with `dups` re-sends of events
 * already sent, mostly recent ones (a retry racing the first delivery), some old.
 */
export function plan(uniques: number[], dups: number, random: () => number): number[] {
  const u = [...uniques];
  for (let i = 0; i < u.length; i += 20) {
    for (let j = Math.min(u.length, i + 20) - 1; j > i; j--) {
      const k = i + Math.floor(random() * (j - i + 1));
      [u[j], u[k]] = [u[k]!, u[j]!];
    }
  }
  const out: number[] = [];
  const sent: number[] = [];
  let left = dups;
  for (const i of u) {
    out.push(i);
    sent.push(i);
    const share = left / Math.max(1, u.length - sent.length + 1);
    while (left > 0 && random() < share) {
      const back =
        random() < 0.8 ? Math.floor(random() * Math.min(50, sent.length)) : Math.floor(random() * sent.length);
      out.push(sent[sent.length - 1 - back]!);
      left--;
    }
  }
  while (left-- > 0) out.push(sent[Math.floor(random() * sent.length)]!);
  return out;
}

function bootstrap(file: string): string {
  return `require("tsx/cjs/api").register(); require(${JSON.stringify(file)});`;
}

export async function runLoad(repoRoot: string, input: LoadInput, timeoutMs: number): Promise<PhaseResult[]> {
  const worker = new Worker(bootstrap(path.join(repoRoot, "bench", "webhook-load-worker.ts")), {
    eval: true,
    workerData: input,
  });
  try {
    return await withTimeout(
      new Promise<PhaseResult[]>((resolve, reject) => {
        worker.once("message", (m: LoadMessage) =>
          m.type === "done" ? resolve(m.results) : reject(new Error(`load worker: ${m.message}`)),
        );
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`load worker exited with code ${code}`)));
      }),
      timeoutMs,
      `webhook load did not finish within ${Math.round(timeoutMs / 1000)} s`,
    );
  } finally {
    await worker.terminate();
  }
}

/** Stripe's side of a missed delivery: resend until a 2xx (bounded). */
export async function resendUnacked(
  url: string,
  secret: string,
  payloads: string[],
  unacked: number[],
): Promise<number> {
  let attempts = 0;
  for (const i of unacked) {
    for (let tries = 0; ; tries++) {
      attempts++;
      const res = await fetch(`${url}/api/stripe/webhook`, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": signatureHeader(payloads[i]!, secret),
        },
        body: payloads[i]!,
        signal: AbortSignal.timeout(20_000),
      }).catch(() => null);
      await res?.arrayBuffer();
      if (res?.ok) break;
      if (tries >= 20)
        throw new Error(
          `event #${i} still not accepted after ${tries + 1} resends (last status ${res?.status ?? "no answer"})`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return attempts;
}
