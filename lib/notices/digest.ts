/**
 * The daily deadline digest: to every treasurer, and to the lawyer of record
 * of each campaign with a deadline, the deadlines within DEADLINE_DIGEST_DAYS
 * and the overdue ones. Exactly once per recipient per day, whatever the number
 * of app instances and restarts: the claim row (recipient, day) and the outbox
 * message are written in one transaction, so a crash leaves both or neither, and
 * a second instance's insert of the same claim does nothing.
 */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deadlineDigestClaims, userRoles, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { appOrigin } from "@/lib/app-origin";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { openDeadlines, type OpenDeadline } from "./open-deadlines";
import { wallOf } from "./zoned-time";

export interface DigestRun {
  day: string;
  /** Recipients this call sent to (0 when another instance, or an earlier run, already had). */
  sent: number;
  skipped: "too_early" | "nothing_due" | null;
}

export async function sendDeadlineDigests(db: Db, at: Date = now()): Promise<DigestRun> {
  const e = env();
  const local = wallOf(at, e.FUND_TIME_ZONE);
  const day = local.date;
  if (Number(local.time.slice(0, 2)) < e.DEADLINE_DIGEST_HOUR) return { day, sent: 0, skipped: "too_early" };
  const due = (await openDeadlines(db, at)).filter((d) => d.daysLeft <= e.DEADLINE_DIGEST_DAYS);
  if (!due.length) return { day, sent: 0, skipped: "nothing_due" };

  const treasurers = await db
    .select({ id: users.id, email: users.email })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(eq(userRoles.role, "treasurer"));
  const lawyerIds = [...new Set(due.map((d) => d.lawyerUserId).filter((x): x is string => Boolean(x)))];
  const lawyers = lawyerIds.length
    ? await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, lawyerIds))
    : [];
  const lists = new Map<string, { email: string | null; items: OpenDeadline[] }>();
  for (const t of treasurers) lists.set(t.id, { email: t.email, items: due });
  for (const l of lawyers) {
    if (lists.has(l.id)) continue; // a lawyer who is also a treasurer gets the full list once
    lists.set(l.id, { email: l.email, items: due.filter((d) => d.lawyerUserId === l.id) });
  }

  let sent = 0;
  for (const [userId, { email, items }] of lists) {
    if (!items.length || !email) continue;
    const won = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(deadlineDigestClaims)
        .values({ recipient: userId, day, deadlines: items.length })
        .onConflictDoNothing()
        .returning({ recipient: deadlineDigestClaims.recipient });
      if (!claimed.length) return false;
      await enqueueMail(tx, {
        dedupeKey: `deadline-digest:${userId}:${day}`,
        kind: "notice",
        to: email,
        subject: `${items.filter((i) => i.overdue).length} overdue, ${items.filter((i) => !i.overdue).length} due soon: ICE bond deadlines (${day})`,
        text: digestText(items, appOrigin(e), e.DEADLINE_DIGEST_DAYS),
      });
      return true;
    });
    if (won) sent++;
  }
  return { day, sent, skipped: null };
}

/** Aliases, forms and dates only: the mail names no person and no place. */
function digestText(items: OpenDeadline[], appUrl: string, horizon: number): string {
  const lines = items.map((d) => {
    const when = d.overdue
      ? `OVERDUE by ${-d.daysLeft} day(s)`
      : d.daysLeft === 0
        ? "TODAY"
        : `${d.daysLeft} day(s) left`;
    return `- ${when}: ${d.label} — bond for ${d.alias}* — ${d.local}\n  ${appUrl}/treasury/bonds/${d.bondId}`;
  });
  return [
    `ICE bond deadlines within ${horizon} days, and any overdue, most urgent first:`,
    "",
    ...lines,
    "",
    "Open the bond in OpenBond to record what was done. You receive this once a day while a deadline is open.",
  ].join("\n");
}
