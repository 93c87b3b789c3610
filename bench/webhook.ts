/**
 * Webhook ingestion over HTTP: `next start` on a fresh PostgreSQL database,
 * the Stripe double as its own HTTP server (the app re-fetches from it through
 * STRIPE_API_BASE), autocannon POSTing signed events of completed card gifts
 * with 30% re-sends. Then, as Stripe would, whatever got no 2xx is resent, and
 * the books are compared exactly with the books computed from Stripe's side.
 */
import os from "node:os";
import type Stripe from "stripe";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import {
  assertLedgerSound,
  booksDiff,
  books,
  completeGifts,
  expectedBooks,
  openIngestWorld,
  payloadOf,
  seeded,
  type Gift,
} from "../tests/helpers/ingest-world";
import { startNextServer } from "../tests/helpers/next-server";
import type { Figure } from "./report";
import { ensureBuild } from "./server";
import { plan, resendUnacked, runLoad } from "./webhook-load";

export const WEBHOOK_TARGET_EVENTS_PER_SECOND = 800;
export const WEBHOOK_TARGET_P99_MS = 100;
const DUPLICATE_SHARE = 0.3;
const WARMUP_REQUESTS = 400;

export interface WebhookBenchOptions {
  serverUrl: string;
  seconds: number;
  repoRoot: string;
  emit(f: Figure): void;
  note(n: string): void;
  /** Register cleanup that must run even on Ctrl-C (kill the server, drop the database). */
  defer(fn: () => Promise<void>): void;
}

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const v = raw ? Number(raw) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return v;
};

export async function runWebhookBench(o: WebhookBenchOptions): Promise<void> {
  const appPort = num("BENCH_APP_PORT", 3610);
  const apiPort = num("BENCH_STRIPE_PORT", 3611);
  const connections = num("BENCH_WEBHOOK_CONNECTIONS", 10);
  const requests = num("BENCH_WEBHOOK_REQUESTS", Math.round(WEBHOOK_TARGET_EVENTS_PER_SECOND * o.seconds));
  const random = seeded(num("BENCH_SEED", 20261128));
  const name = "webhook over HTTP (30% duplicates)";
  // Before any setup: next start serves the last build, and a fresh clone has none.
  ensureBuild(o.repoRoot);

  const world = await openIngestWorld({ serverUrl: o.serverUrl, apiPort });
  o.defer(() => world.close());
  console.log(`webhook bench: database ${world.database.name}, Stripe double on ${world.api.url}`);

  // Enough completed gifts for every first delivery of both phases.
  const uniquesNeeded = Math.ceil((WARMUP_REQUESTS + requests) * (1 - DUPLICATE_SHARE)) + 10;
  const gifts: Gift[] = [];
  const events: Stripe.Event[] = [];
  const t0 = Date.now();
  while (events.length < uniquesNeeded) {
    const batch = await completeGifts(world, 50, random);
    gifts.push(...batch.gifts);
    events.push(...batch.events);
  }
  console.log(
    `  ${gifts.length} gifts completed in the double (${events.length} events) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  const payloads = events.map(payloadOf);
  const warmUniques = Math.round(WARMUP_REQUESTS * (1 - DUPLICATE_SHARE));
  const mainUniques = events.length - warmUniques;
  const index = events.map((_, i) => i);
  const warm = plan(index.slice(0, warmUniques), WARMUP_REQUESTS - warmUniques, random);
  const main = plan(index.slice(warmUniques), Math.max(0, requests - mainUniques), random);

  const app = await startNextServer({ repoRoot: o.repoRoot, port: appPort, env: world.appEnv(appPort) });
  o.defer(() => app.stop());
  const loadBefore = os.loadavg()[0]!;
  const apiBefore = world.api.requests();
  const [warmResult, result] = await runLoad(
    o.repoRoot,
    {
      url: app.url,
      secret: world.double.webhookSecret,
      payloads,
      connections,
      timeoutSeconds: 10,
      phases: [{ order: warm }, { order: main }],
    },
    Math.max(120_000, requests * 50),
  );
  const loadAfter = os.loadavg()[0]!;
  const apiCalls = world.api.requests() - apiBefore;
  const acked = new Set([...warmResult!.acked, ...result!.acked]);
  const unacked = index.filter((i) => !acked.has(i));
  const resent = unacked.length ? await resendUnacked(app.url, world.double.webhookSecret, payloads, unacked) : 0;

  const actual = await books(world.handle.db);
  const expected = expectedBooks(world, gifts, new Set(events.map((e) => e.id)));
  const diff = booksDiff(
    { balances: actual.balances, donations: actual.donations, receipts: actual.receipts, events: actual.events },
    expected,
  );
  const [stuck] = rowsOf<{ n: number }>(
    await world.handle.db.execute(sql`SELECT count(*)::int AS n FROM stripe_events WHERE outcome = 'processing'`),
  );
  if (Number(stuck?.n ?? 0) > 0) diff.push(`${stuck!.n} events left in outcome 'processing'`);
  try {
    await assertLedgerSound(world);
  } catch (e) {
    diff.push(e instanceof Error ? e.message : String(e));
  }
  await app.stop();

  const r = result!;
  const rate = r.ok / r.seconds;
  const errors = r.non2xx + r.errors + r.timeouts;
  o.emit({
    name: `${name}: events/s`,
    value: Math.round(rate),
    target: `≥ ${WEBHOOK_TARGET_EVENTS_PER_SECOND}`,
    pass: rate >= WEBHOOK_TARGET_EVENTS_PER_SECOND,
  });
  o.emit({ name: `${name}: p50 latency`, value: r.p50, unit: "ms", pass: null });
  o.emit({
    name: `${name}: p99 latency`,
    value: r.p99,
    unit: "ms",
    target: `≤ ${WEBHOOK_TARGET_P99_MS} ms`,
    pass: r.p99 <= WEBHOOK_TARGET_P99_MS,
  });
  o.emit({
    name: `${name}: errors (non-2xx, socket errors, timeouts)`,
    value: `${r.non2xx}, ${r.errors}, ${r.timeouts}`,
    target: "0, 0, 0",
    pass: errors === 0,
  });
  o.emit({
    name: `${name}: books after delivery (differences)`,
    value: diff.length,
    target: "0",
    pass: diff.length === 0,
  });
  o.emit({
    name: `${name}: Stripe API calls per event`,
    value: Math.round((apiCalls / r.requests) * 100) / 100,
    pass: null,
  });
  for (const d of diff) console.log(`    books: ${d}`);
  o.note(
    `webhook: events/s counts every acknowledged delivery (re-sends included) in the measured phase; ${r.requests} requests over ${connections} connections after ${warm.length} warm-up requests; ${mainUniques} distinct events of ${gifts.length} one-off card gifts ` +
      `(${(events.length / gifts.length).toFixed(0)} events each, ${main.length - mainUniques} re-sends); statuses ${JSON.stringify(r.statuses)}; ${unacked.length} events resent afterwards (${resent} POSTs); ` +
      `app pool ${world.appEnv(appPort).DATABASE_POOL_MAX}; load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after the load`,
  );
}
