/** Two databases fed the same Stripe history: one in order, once each; one shuffled, duplicated and concurrent. */
import { expect } from "vitest";
import type Stripe from "stripe";
import type { DbHandle } from "@/db/client";
import { insertCampaign } from "../../fixtures/campaigns";
import { createTestDb } from "../../helpers/test-db";
import { books, checkInvariants, deliver, newDouble, seedReserve, routeToDb } from "../../helpers/webhook-harness";
import { seeded } from "../../helpers/seeded";

export interface World {
  a: DbHandle;
  b: DbHandle;
  double: ReturnType<typeof newDouble>["double"];
  stripe: Stripe;
  campaign: string;
  close(): Promise<void>;
}

export async function newWorld(fees?: Parameters<typeof newDouble>[0]): Promise<World> {
  const [a, b] = await Promise.all([createTestDb(), createTestDb()]);
  const { double, stripe } = newDouble(fees);
  const campaign = await insertCampaign(a.db);
  await insertCampaign(b.db, { id: campaign });
  await seedReserve(a.db);
  await seedReserve(b.db);
  return {
    a,
    b,
    double,
    stripe,
    campaign,
    close: async () => {
      await a.close();
      await b.close();
    },
  };
}

export { seeded };

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
