/**
 * Shared by the webhook benchmark (bench/webhook.ts) and the kill -9 fault test
 * (chaos/kill-ingest.ts): a fresh PostgreSQL database, the Stripe double served
 * over HTTP from this (driver) process so its state outlives the app, gifts
 * completed in the double, and the books the app must end with.
 */
import { createHmac } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type Stripe from "stripe";
import { openDb, type DbHandle } from "@/db/client";
import { createDoubleStripe, serveDouble, StripeDouble, type DoubleServer } from "@/stripe-double";
import { createBenchDatabase, type BenchDatabase } from "../../bench/bench-db";
import { insertCampaign } from "../fixtures/campaigns";
import { startOneOffGift } from "../fixtures/gifts";
import { books, checkInvariants } from "./webhook-harness";
import { seeded } from "./seeded";

export type Books = Awaited<ReturnType<typeof books>>;

export interface IngestWorld {
  double: StripeDouble;
  /** The real SDK on the double, in this process (for setting up payments). */
  stripe: Stripe;
  api: DoubleServer;
  database: BenchDatabase;
  handle: DbHandle;
  campaigns: string[];
  /** Environment for `next start`: PostgreSQL, and Stripe = the double's HTTP server. */
  appEnv(appPort: number): Record<string, string>;
  close(): Promise<void>;
}

export async function openIngestWorld(o: {
  serverUrl: string;
  apiPort: number;
  campaigns?: number;
  poolMax?: number;
}): Promise<IngestWorld> {
  const double = new StripeDouble();
  const stripe = createDoubleStripe(double);
  const database = await createBenchDatabase(o.serverUrl);
  let handle: DbHandle | undefined;
  let api: DoubleServer | undefined;
  try {
    handle = await openDb({ url: database.url, poolMax: o.poolMax ?? 4 });
    const campaigns: string[] = [];
    for (let i = 0; i < (o.campaigns ?? 4); i++)
      campaigns.push(await insertCampaign(handle.db, { alias: `Bench ${i}` }));
    api = await serveDouble(double, { port: o.apiPort });
    const h = handle;
    const a = api;
    return {
      double,
      stripe,
      api,
      database,
      handle,
      campaigns,
      appEnv: (appPort) => ({
        APP_ENV: "test",
        APP_URL: `http://localhost:${appPort}`,
        DATABASE_URL: database.url,
        DATABASE_POOL_MAX: process.env.INGEST_POOL_MAX || "10",
        SEED_DEMO: "false",
        STRIPE_SECRET_KEY: double.secretKey,
        STRIPE_WEBHOOK_SECRET: double.webhookSecret,
        STRIPE_API_BASE: a.url,
        AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
        LOG_LEVEL: process.env.INGEST_LOG_LEVEL || "warn",
      }),
      close: async () => {
        await a.close().catch(() => {});
        await h.close().catch(() => {});
        await database.drop();
      },
    };
  } catch (e) {
    await api?.close().catch(() => {});
    await handle?.close().catch(() => {});
    await database.drop().catch(() => {});
    throw e;
  }
}

export { seeded };

export interface Gift {
  donationId: string;
  sessionId: string;
  campaignId: string;
  email: boolean;
}

/**
 * Donors give: a pending donation row in each database (as the donate page
 * writes it), a Checkout Session through the SDK, then a successful card
 * payment on the double. Returns the gifts and the events Stripe now sends.
 */
export async function completeGifts(
  w: IngestWorld,
  count: number,
  random: () => number,
  dbs: DbHandle[] = [w.handle],
): Promise<{ gifts: Gift[]; events: Stripe.Event[] }> {
  const gifts: Gift[] = [];
  for (let i = 0; i < count; i++) {
    const campaignId = w.campaigns[Math.floor(random() * w.campaigns.length)]!;
    const amountCents = 500 + Math.floor(random() * 200) * 250;
    const email = random() < 0.9;
    const g = await startOneOffGift(
      dbs.map((d) => d.db),
      w.stripe,
      campaignId,
      { amountCents, email: email ? `donor${i}@example.test` : null },
    );
    w.double.completeCheckout(g.sessionId, "success");
    gifts.push({ ...g, campaignId, email });
  }
  return { gifts, events: w.double.signedEvents().map((s) => s.event) };
}

/** A Stripe-Signature header for `payload`, signed now (Stripe signs every attempt afresh). */
export function signatureHeader(payload: string, secret: string, now = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${now}.${payload}`, "utf8").digest("hex");
  return `t=${now},v1=${v1}`;
}

/** The payload the double would POST for an event (Stripe's pretty-printed JSON). */
export function payloadOf(event: Stripe.Event): string {
  return JSON.stringify(event, null, 2);
}

/**
 * The books the app must hold after every one of these successful card gifts'
 * events was processed (each at least once), computed from Stripe's side alone:
 * the campaign bears the card fee (FUND_FEE_BEARER=campaign, the default).
 */
export function expectedBooks(
  w: IngestWorld,
  gifts: Gift[],
  eventIds: Set<string>,
): Pick<Books, "balances" | "donations" | "receipts" | "events"> {
  const balances: Record<string, number> = {};
  const add = (code: string, cents: number) => {
    balances[code] = (balances[code] ?? 0) + cents;
  };
  const donations: Books["donations"] = [];
  for (const g of gifts) {
    const session = w.double.store.get("checkout.session", g.sessionId)!;
    const pi = w.double.store.get("payment_intent", String(session.payment_intent))!;
    const charge = w.double.store.get("charge", String(pi.latest_charge))!;
    const bt = w.double.store.get("balance_transaction", String(charge.balance_transaction))!;
    add("stripe", bt.net);
    add(`campaign:${g.campaignId}`, bt.net);
    donations.push({
      id: g.donationId,
      status: "succeeded",
      amount: charge.amount,
      fee: bt.fee,
      refunded: 0,
      pi: pi.id,
      charge: charge.id,
      invoice: null,
      succeededAt: new Date(charge.created * 1000),
      gift: null,
    });
  }
  return {
    balances: Object.fromEntries(Object.entries(balances).filter(([, v]) => v !== 0)),
    donations,
    receipts: gifts.filter((g) => g.email).length,
    events: eventIds.size,
  };
}

/** Comparable form: Dates as ISO text, rows sorted in JS (not by the database's collation). */
export function normalize<T extends Partial<Books>>(b: T): T {
  const out = JSON.parse(JSON.stringify(b)) as T & { donations?: { id: string; pi: string | null }[] };
  out.donations?.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return out;
}

/** Up to `max` human-readable differences between two books (empty: equal). */
export function booksDiff(actual: Partial<Books>, expected: Partial<Books>, max = 10): string[] {
  const a = normalize(actual) as Record<string, unknown>;
  const e = normalize(expected) as Record<string, unknown>;
  const out: string[] = [];
  for (const key of Object.keys(e)) {
    if (isDeepStrictEqual(a[key], e[key])) continue;
    const av = a[key];
    const ev = e[key];
    if (Array.isArray(av) && Array.isArray(ev)) {
      out.push(`${key}: ${av.length} rows, expected ${ev.length}`);
      for (let i = 0; i < Math.max(av.length, ev.length) && out.length < max; i++) {
        if (!isDeepStrictEqual(av[i], ev[i]))
          out.push(`  ${key}[${i}]: ${JSON.stringify(av[i])} expected ${JSON.stringify(ev[i])}`);
      }
    } else if (av && ev && typeof av === "object" && typeof ev === "object") {
      const keys = new Set([...Object.keys(av), ...Object.keys(ev)]);
      for (const k of keys) {
        const x = (av as Record<string, unknown>)[k];
        const y = (ev as Record<string, unknown>)[k];
        if (!isDeepStrictEqual(x, y) && out.length < max)
          out.push(`${key}.${k}: ${JSON.stringify(x)} expected ${JSON.stringify(y)}`);
      }
    } else {
      out.push(`${key}: ${JSON.stringify(av)} expected ${JSON.stringify(ev)}`);
    }
    if (out.length >= max) break;
  }
  return out;
}

/** The ledger's own invariants, and our `stripe` account equal to Stripe's balance; throws when broken. */
export async function assertLedgerSound(w: IngestWorld, handle: DbHandle = w.handle): Promise<void> {
  const inv = await checkInvariants(handle.db, w.double);
  if (inv.stripe !== inv.stripeAtStripe)
    throw new Error(`ledger stripe account ${inv.stripe} ≠ Stripe's balance ${inv.stripeAtStripe}`);
}

export { books };
