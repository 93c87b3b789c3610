/**
 * kill -9 during webhook ingestion. `next start` on PostgreSQL ingests the
 * events of card gifts, refunds, disputes and declines while a killer SIGKILLs
 * it again and again and restarts it. The Stripe double runs in this process,
 * served over HTTP (STRIPE_API_BASE), so Stripe's state outlives the app; the
 * driver resends every event until it gets a 2xx, as Stripe does. At the end
 * the app's books must equal, exactly, the books of a second database fed every
 * event once, in order, in-process; the ledger's invariants must hold; and no
 * request may hang (each is bounded; so is the whole run).
 *
 * Env: CHAOS_KILLS (default 8), CHAOS_SEED, CHAOS_APP_PORT (3612),
 * CHAOS_STRIPE_PORT (3613), CHAOS_SENDERS (concurrent deliveries, 8),
 * CHAOS_REQUEST_TIMEOUT_MS (15000: a request that takes longer counts as hung).
 */
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { openDb, rowsOf, type DbHandle } from "@/db/client";
import { processStripeEvent } from "@/lib/payments/webhooks/process-event";
import { createBenchDatabase } from "../bench/bench-db";
import { insertCampaign } from "../tests/fixtures/campaigns";
import { startOneOffGift } from "../tests/fixtures/gifts";
import {
  assertLedgerSound,
  booksDiff,
  books,
  completeGifts,
  openIngestWorld,
  payloadOf,
  seeded,
  signatureHeader,
  type Gift,
  type IngestWorld,
} from "../tests/helpers/ingest-world";
import { startNextServer, type NextServer } from "../tests/helpers/next-server";
import { seedReserve } from "../tests/helpers/webhook-harness";
import { runChaosTest, type ChaosContext } from "./_harness";

const int = (name: string, fallback: number) => {
  const raw = process.env[name];
  const v = raw ? Number(raw) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a non-negative integer, not "${raw}"`);
  return v;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Copy {
  event: Stripe.Event;
  payload: string;
}

/** One round of Stripe activity: new gifts, a decline, and refunds / a dispute on earlier gifts. */
async function stripeRound(
  w: IngestWorld,
  ref: DbHandle,
  gifts: Gift[],
  random: () => number,
): Promise<Stripe.Event[]> {
  const fresh = await completeGifts(w, 12, random, [w.handle, ref]);
  gifts.push(...fresh.gifts);
  const campaignId = w.campaigns[0]!;
  const declined = await startOneOffGift([w.handle.db, ref.db], w.stripe, campaignId, {
    amountCents: 2_500,
    email: "declined@example.test",
  });
  w.double.completeCheckout(declined.sessionId, "decline");
  for (let i = 0; i < 2; i++) {
    const g = gifts[Math.floor(random() * gifts.length)]!;
    const pi = String(w.double.store.get("checkout.session", g.sessionId)!.payment_intent);
    const charge = w.double.store.get("charge", String(w.double.store.get("payment_intent", pi)!.latest_charge))!;
    const left = charge.amount - charge.amount_refunded;
    if (charge.disputed || left <= 0) continue;
    if (random() < 0.15) w.double.dispute(pi, random() < 0.5 ? "won" : "lost");
    else w.double.refund(pi, random() < 0.5 ? left : Math.max(1, Math.floor(left / 3)));
  }
  return [...fresh.events, ...w.double.signedEvents().map((s) => s.event)];
}

export async function killIngest(ctx: ChaosContext): Promise<string> {
  const kills = int("CHAOS_KILLS", 8);
  const appPort = int("CHAOS_APP_PORT", 3612);
  const senders = Math.max(1, int("CHAOS_SENDERS", 8));
  const requestTimeout = int("CHAOS_REQUEST_TIMEOUT_MS", 15_000);
  const random = seeded(int("CHAOS_SEED", Date.now() % 1_000_000));

  const w = await openIngestWorld({ serverUrl: ctx.serverUrl, apiPort: int("CHAOS_STRIPE_PORT", 3613), campaigns: 3 });
  ctx.defer(() => w.close());
  const refDb = await createBenchDatabase(ctx.serverUrl);
  ctx.defer(() => refDb.drop());
  const ref = await openDb({ url: refDb.url, poolMax: 2 });
  ctx.defer(() => ref.close());
  for (const id of w.campaigns) await insertCampaign(ref.db, { id, alias: "Bench" });
  // A reserve in the general pool, for the costs a refunded or disputed gift cannot bear itself.
  await seedReserve(w.handle.db);
  await seedReserve(ref.db);

  let app: NextServer = await startNextServer({ repoRoot: ctx.repoRoot, port: appPort, env: w.appEnv(appPort) });
  ctx.defer(() => app.kill9());
  const url = app.url;

  const gifts: Gift[] = [];
  const sentInOrder: Stripe.Event[] = [];
  const queue: Copy[] = [];
  let producing = true;
  const stats = {
    posts: 0,
    ok: 0,
    refused: 0,
    connectionErrors: 0,
    hung: 0,
    copies: 0,
    killsInFlight: 0,
    restartsMs: [] as number[],
  };
  const statuses: Record<string, number> = {};
  let inFlight = 0;

  const producer = (async () => {
    while (producing) {
      if (queue.length > 150) {
        await sleep(20);
        continue;
      }
      const events = await stripeRound(w, ref, gifts, random);
      sentInOrder.push(...events);
      const copies: Copy[] = [];
      for (const event of events) {
        const payload = payloadOf(event);
        copies.push({ event, payload });
        if (random() < 0.3) copies.push({ event, payload });
      }
      for (let i = copies.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [copies[i], copies[j]] = [copies[j]!, copies[i]!];
      }
      stats.copies += copies.length;
      queue.push(...copies);
    }
  })();

  /** Stripe's side: resend each copy, freshly signed, until a 2xx. */
  const deliverOne = async (c: Copy) => {
    for (;;) {
      stats.posts++;
      inFlight++;
      const started = Date.now();
      try {
        const res = await fetch(`${url}/api/stripe/webhook`, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "stripe-signature": signatureHeader(c.payload, w.double.webhookSecret),
          },
          body: c.payload,
          signal: AbortSignal.timeout(requestTimeout),
        });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.ok) {
          stats.ok++;
          return;
        }
        stats.refused++;
      } catch (e) {
        if (
          e instanceof Error &&
          (e.name === "TimeoutError" || e.name === "AbortError") &&
          Date.now() - started >= requestTimeout - 50
        )
          stats.hung++;
        else stats.connectionErrors++;
      } finally {
        inFlight--;
      }
      await sleep(50 + Math.floor(random() * 100));
    }
  };
  const sendersDone = Promise.all(
    Array.from({ length: senders }, async () => {
      for (;;) {
        const c = queue.shift();
        if (c) await deliverOne(c);
        else if (!producing) return;
        else await sleep(5);
      }
    }),
  );

  // The killer: SIGKILL at a random moment, restart at once, again and again.
  let killed = 0;
  for (; killed < kills; killed++) {
    // Let each life acknowledge a random number of deliveries (or run a random while), so kills fall
    // anywhere in the work: mid-transaction, mid-re-fetch, between commit and answer, at start-up.
    const okAtStart = stats.ok;
    const want = 3 + Math.floor(random() * 40);
    const until = Date.now() + 500 + Math.floor(random() * 4_000);
    while (stats.ok - okAtStart < want && Date.now() < until) await sleep(10);
    if (inFlight > 0) stats.killsInFlight++;
    await app.kill9();
    const t = Date.now();
    app = await startNextServer({ repoRoot: ctx.repoRoot, port: appPort, env: w.appEnv(appPort) });
    stats.restartsMs.push(Date.now() - t);
    console.log(
      `  kill ${killed + 1}/${kills}: ${stats.ok} deliveries acknowledged so far, restarted in ${Date.now() - t} ms`,
    );
  }
  producing = false;
  await producer;
  await sendersDone;

  // The reference: every distinct event once, in the order Stripe emitted them, in-process.
  const unique = [...new Map(sentInOrder.map((e) => [e.id, e])).values()];
  for (const e of unique) await processStripeEvent(ref.db, e, w.stripe);

  const problems: string[] = [];
  const [actual, expected] = [await books(w.handle.db), await books(ref.db)];
  problems.push(...booksDiff(actual, expected).map((d) => `books differ: ${d}`));
  if (actual.events !== unique.length)
    problems.push(`stripe_events holds ${actual.events} events, ${unique.length} were sent`);
  const [stuck] = rowsOf<{ n: number }>(
    await w.handle.db.execute(sql`SELECT count(*)::int AS n FROM stripe_events WHERE outcome = 'processing'`),
  );
  if (Number(stuck?.n ?? 0) > 0) problems.push(`${stuck!.n} events left in outcome 'processing'`);
  for (const [label, h] of [
    ["app", w.handle],
    ["reference", ref],
  ] as const) {
    await assertLedgerSound(w, h).catch((e: unknown) =>
      problems.push(`${label} ledger: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
  if (stats.hung) problems.push(`${stats.hung} requests hung longer than ${requestTimeout} ms`);
  if (killed < kills) problems.push(`only ${killed} of ${kills} kills happened`);
  if (stats.killsInFlight === 0)
    problems.push("no kill landed while a delivery was in flight: the test proved nothing");
  await app.stop();

  const donated = actual.donations.filter((d) => d.status !== "pending").length;
  const summary =
    `${killed} kills (${stats.killsInFlight} with deliveries in flight; restarts ${Math.min(...stats.restartsMs)}–${Math.max(...stats.restartsMs)} ms); ` +
    `${unique.length} distinct events (${gifts.length} card gifts, ${donated} donations booked, ${actual.refunds.length} refunds, ${actual.disputes.length} disputes) ` +
    `as ${stats.copies} copies, ${stats.posts} POSTs: ${stats.ok} acknowledged, ${stats.refused} refused, ${stats.connectionErrors} connection errors, ${stats.hung} hung; statuses ${JSON.stringify(statuses)}`;
  if (problems.length) throw new Error(`${problems.slice(0, 20).join("\n")}\n(${summary})`);
  return summary;
}

runChaosTest("kill-ingest", killIngest);
