/**
 * Fixed one-hour windows counted in the database, so a limit holds however many
 * app instances run. One atomic upsert per attempt: concurrent attempts each get
 * a distinct count, so a burst can never slip past the limit.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { AppError } from "@/lib/errors";

const WINDOW_MS = 60 * 60 * 1000;

function windowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
}

/** Count one attempt in `bucket`; returns the count in the current window, including this one. */
export async function hit(db: Db, bucket: string, now: Date = new Date()): Promise<number> {
  const rows = rowsOf<{ count: number | string }>(
    await db.execute(sql`
      INSERT INTO rate_limits (bucket, window_start, count) VALUES (${bucket}, ${windowStart(now).toISOString()}, 1)
      ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1
      RETURNING count`),
  );
  return Number(rows[0]?.count);
}

/** Emails are hashed so the counter table never holds a donor's address. */
function emailBucket(email: string): string {
  return `checkout:email:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

function ipBucket(ip: string): string {
  return `checkout:ip:${ip}`;
}

export interface CheckoutLimits {
  perIp: number;
  perEmail: number;
}

/** Throws AppError('rate_limited') once an IP or an email has started too many checkouts this hour. */
export async function limitCheckout(
  db: Db,
  who: { ip: string; email: string | null },
  limits: CheckoutLimits,
  now = new Date(),
): Promise<void> {
  const byIp = await hit(db, ipBucket(who.ip), now);
  const byEmail = who.email ? await hit(db, emailBucket(who.email), now) : 0;
  if (byIp > limits.perIp || byEmail > limits.perEmail) {
    throw new AppError(
      "rate_limited",
      "Too many attempts to give from here in the last hour. Please wait a while and try again.",
      {
        key: "rateLimited",
      },
    );
  }
}
