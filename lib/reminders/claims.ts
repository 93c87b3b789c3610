/**
 * The lease protocol of the reminder loop (worker.ts): claim due jobs with a lease and a fresh
 * claim token, renew the lease just before a send, and finish a job only while holding the claim.
 */
import { randomUUID } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { reminderJobs } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";

export interface Claimed {
  id: string;
  appointment_id: string;
  campaign_id: string;
  version: number;
  kind: "reminder" | "correction" | "cancellation";
  recipient: "person" | "family";
  channel: "sms" | "email";
  due_at: Date | string;
  attempts: number;
  prev_status: string;
  prev_claimed_at: Date | string | null;
  claimed_by: string;
}

const INSTANCE = `${process.pid}-${randomUUID().slice(0, 8)}`;

export async function claim(db: Db, at: Date, limit: number): Promise<Claimed[]> {
  // ISO text with casts: postgres.js and PGlite both take it (a Date in a raw template trips postgres.js).
  const t = at.toISOString();
  const lease = new Date(at.getTime() + env().REMINDER_LEASE_SECONDS * 1000).toISOString();
  const token = `${INSTANCE}:${randomUUID()}`;
  return rowsOf<Claimed>(
    await db.execute(sql`
      WITH c AS (
        SELECT id, status AS prev_status, claimed_at AS prev_claimed_at FROM reminder_jobs
         WHERE (status = 'pending' AND next_attempt_at <= ${t}::timestamptz)
            OR (status = 'sending' AND lease_until < ${t}::timestamptz)
         ORDER BY due_at LIMIT ${limit}
         FOR UPDATE SKIP LOCKED)
      UPDATE reminder_jobs j SET status = 'sending', lease_until = ${lease}::timestamptz, claimed_at = ${t}::timestamptz,
             claimed_by = ${token}, attempts = j.attempts + 1, updated_at = now()
        FROM c WHERE j.id = c.id
      RETURNING j.id, j.appointment_id, j.campaign_id, j.version, j.kind, j.recipient, j.channel, j.due_at,
                j.attempts, c.prev_status, c.prev_claimed_at, j.claimed_by`),
  );
}

/** Finish a claimed job; only the current claim holder may (a re-claim after a lease ran out fences the old one). */
export async function finish(
  db: Db,
  j: Claimed,
  status: "sent" | "missed" | "skipped" | "cancelled" | "failed" | "pending",
  extra: { sid?: string | null; error?: string; at: Date; retryAt?: Date },
): Promise<boolean> {
  const rows = await db
    .update(reminderJobs)
    .set({
      status,
      leaseUntil: null,
      sentAt: status === "sent" ? extra.at : undefined,
      providerSid: extra.sid ?? undefined,
      deliveryStatus: status === "sent" && extra.sid === null ? "outbox" : undefined,
      lastError: extra.error ?? null,
      nextAttemptAt: extra.retryAt ?? undefined,
      updatedAt: new Date(),
    })
    .where(and(eq(reminderJobs.id, j.id), eq(reminderJobs.status, "sending"), eq(reminderJobs.claimedBy, j.claimed_by)))
    .returning({ id: reminderJobs.id });
  return rows.length > 0;
}

/**
 * Extend the claim just before handing the message over, and only while it still holds: a batch
 * can outlast its first lease, and a send must never start on a claim another instance may
 * already have taken over. The send itself is bounded well inside the lease (lib/sms/twilio-client.ts).
 */
export async function renew(db: Db, j: Claimed): Promise<boolean> {
  const t = now();
  const rows = await db
    .update(reminderJobs)
    .set({ leaseUntil: new Date(t.getTime() + env().REMINDER_LEASE_SECONDS * 1000), updatedAt: new Date() })
    .where(
      and(
        eq(reminderJobs.id, j.id),
        eq(reminderJobs.status, "sending"),
        eq(reminderJobs.claimedBy, j.claimed_by),
        gt(reminderJobs.leaseUntil, t),
      ),
    )
    .returning({ id: reminderJobs.id });
  return rows.length > 0;
}
