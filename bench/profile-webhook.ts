/**
 * Where one webhook delivery's time goes, with no concurrency: signature check,
 * Stripe re-fetches over HTTP (the double served like stripe-mock, as in
 * bench/webhook.ts) and database statements. Run with
 * `npx tsx bench/profile-webhook.ts [server-url]`.
 */
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import Stripe from "stripe";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { processStripeEvent } from "@/lib/payments/webhooks/process-event";
import { completeGifts, openIngestWorld, payloadOf, seeded, signatureHeader } from "../tests/helpers/ingest-world";
import { DEFAULT_BENCH_URL } from "./bench-db";

const GIFTS = 300;

async function main(): Promise<void> {
  process.stdout.on("error", () => {});
  const w = await openIngestWorld({
    serverUrl: process.argv[2] || process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL,
    apiPort: 0,
  });
  const stats = new Map<string, { n: number; ms: number }>();
  let inFlight = null as { text: string; t0: number } | null;
  const record = (text: string, ms: number) => {
    const s = stats.get(text) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += ms;
    stats.set(text, s);
  };
  const client = postgres(w.database.url, {
    max: 1,
    onnotice: () => {},
    debug: (_conn, text) => {
      const now = performance.now();
      if (inFlight) record(inFlight.text, now - inFlight.t0);
      inFlight = { text: `sql ${String(text).replace(/\s+/g, " ").slice(0, 70)}`, t0: now };
    },
  });
  try {
    const { events } = await completeGifts(w, GIFTS, seeded(1));
    const u = new URL(w.api.url);
    const stripe = new Stripe(w.double.secretKey, {
      host: u.hostname,
      port: Number(u.port),
      protocol: "http",
      maxNetworkRetries: 2,
    });
    let stripeMs = 0;
    let stripeCalls = 0;
    stripe.on("response", (r: Stripe.ResponseEvent) => {
      stripeMs += r.elapsed;
      stripeCalls++;
    });
    const db = drizzle(client, { schema }) as unknown as Db;
    let verifyMs = 0;
    const t0 = performance.now();
    // Every event twice: the second is a duplicate.
    for (const e of [...events, ...events]) {
      const payload = payloadOf(e);
      const v0 = performance.now();
      const ev = stripe.webhooks.constructEvent(
        payload,
        signatureHeader(payload, w.double.webhookSecret),
        w.double.webhookSecret,
        300,
      );
      verifyMs += performance.now() - v0;
      await processStripeEvent(db, ev, stripe);
      if (inFlight) {
        record(inFlight.text, performance.now() - inFlight.t0);
        inFlight = null;
      }
    }
    const total = performance.now() - t0;
    const n = events.length * 2;
    console.log(
      `${n} sequential deliveries (${events.length} events, each twice): ${(total / n).toFixed(3)} ms each, ${((n * 1000) / total).toFixed(0)}/s`,
    );
    console.log(
      `  signature check ${(verifyMs / n).toFixed(3)} ms/delivery; Stripe ${stripeCalls} calls, ${(stripeMs / n).toFixed(3)} ms/delivery (${(stripeMs / stripeCalls).toFixed(2)} ms/call, SDK-measured)`,
    );
    const sqlMs = [...stats.values()].reduce((s, x) => s + x.ms, 0);
    const sqlN = [...stats.values()].reduce((s, x) => s + x.n, 0);
    console.log(
      `  SQL ${sqlN} statements, ${(sqlN / n).toFixed(1)}/delivery, ${(sqlMs / n).toFixed(3)} ms/delivery (includes client work and Stripe calls between statements)`,
    );
    for (const [text, s] of [...stats].sort((x, y) => y[1].ms - x[1].ms).slice(0, 25)) {
      console.log(`  ${(s.ms / n).toFixed(3)} ms/delivery  ${String(s.n).padStart(6)}×  ${text}`);
    }
  } finally {
    await client.end({ timeout: 5 });
    await w.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
