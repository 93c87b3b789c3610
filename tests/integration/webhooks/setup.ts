/** Two databases fed the same Stripe history: one in order, once each; one shuffled, duplicated and concurrent. */
import { expect } from "vitest";
import type Stripe from "stripe";
import type { DbHandle } from "@/db/client";
import { insertCampaign } from "../../fixtures/campaigns";
import { createTestDb } from "../../helpers/test-db";
import { books, checkInvariants, deliver, newDouble, seedReserve, routeToDb } from "../../helpers/webhook-harness";

export interface World {
  a: DbHandle;
  b: DbHandle;
  double: ReturnType<typeof newDouble>["double"];
  stripe: Stripe;
  campaign: string;
  close(): Promise<void>;
}

export async function newWorld(): Promise<World> {
  const [a, b] = await Promise.all([createTestDb(), createTestDb()]);
  const { double, stripe } = newDouble();
  const campaign = await insertCampaign(a.db);
  await insertCampaign(b.db, { id: campaign });
  await seedReserve(a.db);
  await seedReserve(b.db);
  return { a, b, double, stripe, campaign, close: async () => { await a.close(); await b.close(); } };
}

/** Seeded PRNG (mulberry32) so a failing shuffle can be replayed. */
export function seeded(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deliver what the double queued: in order to A, chaotically to B; both must agree and match Stripe. */
export async function settleBoth(w: World, seed = 1): Promise<Awaited<ReturnType<typeof books>>> {
  const events = w.double.pendingEvents();
  const chaos = w.double.signedEvents({ maxCopies: 5, shuffle: true, random: seeded(seed) }).map((s) => s.event);
  routeToDb(w.a);
  await deliver(events, w.double.webhookSecret);
  routeToDb(w.b);
  await deliver(chaos, w.double.webhookSecret, { concurrency: 4 });
  const [ba, bb] = [await books(w.a.db), await books(w.b.db)];
  expect(bb).toEqual(ba);
  for (const h of [w.a, w.b]) {
    const inv = await checkInvariants(h.db, w.double);
    expect(inv.stripe).toBe(inv.stripeAtStripe);
  }
  return ba;
}
