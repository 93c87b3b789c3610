import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * The payment's sync counter, raised by one (read-ahead.ts). An upsert, so it
 * sees the latest committed counter whatever the statement's snapshot; the
 * caller holds the lock that serialises the payment's syncs.
 */
export async function bumpSyncCounter(tx: Db, paymentId: string): Promise<void> {
  await tx.execute(sql`INSERT INTO stripe_payment_syncs (payment_intent, version) VALUES (${paymentId}, 1)
    ON CONFLICT (payment_intent) DO UPDATE SET version = stripe_payment_syncs.version + 1`);
}
