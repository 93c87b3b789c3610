/**
 * The January job: every donor who gave last year gets their year-end statement (a PDF attached
 * to a mail), exactly once per donor and year across instances and restarts — the claim row
 * (email hash, year) and the outbox message commit together (lib/jobs/claim-once.ts). A treasurer,
 * or the donor from self-service, can send it again at any time after the year is over.
 */
import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { yearEndStatementClaims } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { runOnceClaimed } from "@/lib/jobs/claim-once";
import { enqueueMail } from "@/lib/mail/outbox";
import { wallOf } from "@/lib/notices/zoned-time";
import { giftUnion } from "./donor-gift-union";
import { assertYearOver, yearEndStatement } from "./statement";

export function emailHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

export interface YearEndRun {
  year: number;
  /** Statements this call queued (0 when another instance, or an earlier run, already had). */
  sent: number;
  skipped: "not_january" | null;
}

/**
 * Everyone who gave in `year` (card or offline) and has no claim yet, lower-cased, once each, with their number of
 * gifts. The claim filter only saves work on later January runs: the claim's primary key is what
 * makes each statement happen once.
 */
async function donorsOf(db: Db, year: number): Promise<{ email: string; gifts: number }[]> {
  const g = giftUnion(db, { year });
  return db
    .select({ email: g.email, gifts: sql<number>`count(*)::int`.mapWith(Number) })
    .from(g)
    .where(
      sql`NOT EXISTS (SELECT 1 FROM year_end_statement_claims c WHERE c.year = ${year}
            AND c.email_hash = encode(sha256(convert_to(${g.email}, 'UTF8')), 'hex'))`,
    )
    .groupBy(g.email)
    .orderBy(g.email);
}

async function queueStatement(tx: Db, email: string, year: number, dedupeKey: string): Promise<boolean> {
  const doc = await yearEndStatement(tx, email, year);
  if (!doc) return false;
  await enqueueMail(tx, {
    dedupeKey,
    kind: "statement",
    to: email,
    subject: doc.subject,
    text: doc.text,
    attachment: `statement:${year}`,
  });
  return true;
}

/** In January (fund time), send last year's statements not yet claimed. Elsewhere in the year: nothing. */
export async function sendYearEndStatements(db: Db, at: Date = now()): Promise<YearEndRun> {
  const local = wallOf(at, env().FUND_TIME_ZONE).date;
  const year = Number(local.slice(0, 4)) - 1;
  if (local.slice(5, 7) !== "01") return { year, sent: 0, skipped: "not_january" };
  let sent = 0;
  for (const { email, gifts } of await donorsOf(db, year)) {
    const hash = emailHash(email);
    const won = await runOnceClaimed(
      db,
      (tx) =>
        tx
          .insert(yearEndStatementClaims)
          .values({ emailHash: hash, year, gifts })
          .onConflictDoNothing()
          .returning({ year: yearEndStatementClaims.year }),
      async (tx) => {
        await queueStatement(tx, email, year, `statement:${hash}:${year}`);
      },
    );
    if (won) sent++;
  }
  return { year, sent, skipped: null };
}

/**
 * Send a finished year's statement again (a new message every call). Refused, writing nothing,
 * for a year not yet over or a donor with no gift that year.
 */
export async function resendYearEndStatement(db: Db, email: string, year: number, at: Date = now()): Promise<void> {
  assertYearOver(year, at);
  const hash = emailHash(email);
  await db.transaction(async (tx) => {
    const to = email.trim().toLowerCase();
    const queued = await queueStatement(tx, to, year, `statement:${hash}:${year}:resend:${randomUUID()}`);
    if (!queued)
      throw new AppError("validation", `No gifts from this address in ${year}: there is no statement to send.`, {
        field: "email",
        key: "noGifts",
      });
    await tx
      .insert(yearEndStatementClaims)
      .values({ emailHash: hash, year, gifts: 0, resent: 1 })
      .onConflictDoUpdate({
        target: [yearEndStatementClaims.emailHash, yearEndStatementClaims.year],
        set: { resent: sql`${yearEndStatementClaims.resent} + 1` },
      });
  });
}
