/**
 * The reminder loop, run by every app instance (lib/startup.ts) and by /dev/clock.
 *
 * Delivery is claim → send → mark, each a short statement, so no database lock is held while
 * Twilio answers:
 * 1. claim: due rows (pending, or `sending` whose lease ran out) are taken with
 *    FOR UPDATE SKIP LOCKED and marked `sending` with a lease and a fresh claim token;
 * 2. renew the lease just before the send, only if the claim still holds (a batch may outlast
 *    its first lease; a send never starts on a claim another instance may have taken over), then
 *    send (bounded well inside the lease): the SMS transport is idempotent by the job id (the outbox's unique job id; for Twilio
 *    a re-claim after a lost answer first looks for the message it may already have sent: our
 *    record, a status callback naming the job, or Twilio's message list);
 * 3. mark: `sent`, only by the holder of the claim token.
 * So a crash (kill -9) anywhere leaves the row `sending` until its lease ends, and the next
 * claimant finishes the job without sending twice. We prefer at-least-once to at-most-once in
 * the one window left (Twilio accepted a message but does not list it yet when the lease has run
 * out, minutes later): a duplicate text costs less than a missed hearing.
 * Email reminders are queued in the mail outbox with the job id as dedupe key, in the mark's
 * transaction: exactly once.
 */
import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentVersions, reminderJobs, type AppointmentKind } from "@/db/schema";
import { unseal } from "@/lib/appointments/access";
import type { AppointmentDetails } from "@/lib/appointments/input";
import { loadRegistration } from "@/lib/appointments/registration";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { enqueueMail } from "@/lib/mail/outbox";
import { SmsSendError, sendSms } from "@/lib/sms/transport";
import { claim, finish, renew, type Claimed } from "./claims";
import { errorTag } from "./error-code";
import { composeMessage } from "./messages";
import { appointmentStart, retryDelayMs } from "./schedule";
import { appointmentAad } from "./sync";

export interface LoopSummary {
  claimed: number;
  sent: number;
  missed: number;
  skipped: number;
  retried: number;
  failed: number;
}

async function details(db: Db, appointmentId: string, version: number): Promise<AppointmentDetails | null> {
  const [v] = await db
    .select({ envelope: appointmentVersions.envelope })
    .from(appointmentVersions)
    .where(and(eq(appointmentVersions.appointmentId, appointmentId), eq(appointmentVersions.version, version)));
  return v ? unseal<AppointmentDetails>(v.envelope, appointmentAad(appointmentId, version)) : null;
}

async function handle(db: Db, j: Claimed, at: Date, s: LoopSummary): Promise<void> {
  const [appt] = await db
    .select({ kind: appointments.kind, status: appointments.status, version: appointments.version })
    .from(appointments)
    .where(eq(appointments.id, j.appointment_id));
  const reg = await loadRegistration(db, j.campaign_id);
  const d = appt ? await details(db, j.appointment_id, j.version) : null;
  if (!appt || !d || !reg)
    return void (await finish(db, j, "cancelled", { at, error: "appointment or registration gone" }));
  if (reg.consent !== true) return void ((await finish(db, j, "skipped", { at, error: "no consent" })) && s.skipped++);
  const stopped = j.recipient === "person" ? reg.smsStoppedAt : reg.familySmsStoppedAt;
  if (j.channel === "sms" && stopped)
    return void ((await finish(db, j, "skipped", { at, error: "STOP received" })) && s.skipped++);
  const to =
    j.channel === "sms"
      ? j.recipient === "person"
        ? reg.phone
        : reg.familyPhone
      : j.recipient === "person"
        ? reg.email
        : reg.familyEmail;
  if (!to) return void (await finish(db, j, "cancelled", { at, error: "contact removed" }));
  if (j.version !== appt.version && j.kind === "reminder")
    return void (await finish(db, j, "cancelled", { at, error: "date moved" }));
  if (appointmentStart(d).getTime() <= at.getTime()) {
    return void (
      (await finish(db, j, "missed", { at, error: "the appointment had begun before it could be sent" })) && s.missed++
    );
  }
  if (j.kind === "reminder") {
    // Catching up after downtime: of several overdue reminders only the latest is worth sending.
    const [later] = await db
      .select({ id: reminderJobs.id })
      .from(reminderJobs)
      .where(
        and(
          eq(reminderJobs.appointmentId, j.appointment_id),
          eq(reminderJobs.version, j.version),
          eq(reminderJobs.kind, "reminder"),
          eq(reminderJobs.recipient, j.recipient),
          eq(reminderJobs.channel, j.channel),
          gt(reminderJobs.dueAt, new Date(j.due_at)),
          lte(reminderJobs.dueAt, at),
        ),
      )
      .limit(1);
    if (later)
      return void ((await finish(db, j, "missed", { at, error: "superseded by a later reminder" })) && s.missed++);
  }
  const previous =
    j.kind === "correction" ? ((await details(db, j.appointment_id, j.version - 1)) ?? undefined) : undefined;
  const msg = composeMessage({
    kind: j.kind,
    appointmentKind: appt.kind as AppointmentKind,
    language: reg.language,
    when: d,
    place: d.place,
    lawyerPhone: reg.lawyerPhone,
    previous,
  });
  if (j.channel === "email") {
    await db.transaction(async (tx) => {
      await enqueueMail(tx, {
        dedupeKey: `reminder:${j.id}`,
        kind: "notice",
        to,
        subject: msg.subject,
        text: msg.body,
      });
      if (await finish(tx, j, "sent", { at, sid: null })) s.sent++;
    });
    return;
  }
  if (!(await renew(db, j))) return; // the lease ran out: another instance finishes this one
  try {
    const r = await sendSms(db, {
      jobId: j.id,
      to,
      body: msg.body,
      recovering: j.prev_status === "sending",
    });
    if (await finish(db, j, "sent", { at, sid: r.sid })) s.sent++;
  } catch (e) {
    const permanent = e instanceof SmsSendError && e.permanent;
    const reason = e instanceof SmsSendError ? e.message : "send failed";
    if (permanent || j.attempts >= env().REMINDER_MAX_ATTEMPTS) {
      if (await finish(db, j, "failed", { at, error: reason })) s.failed++;
    } else if (
      await finish(db, j, "pending", { at, error: reason, retryAt: new Date(at.getTime() + retryDelayMs(j.attempts)) })
    ) {
      s.retried++;
    }
    log.warn({ reminderJobId: j.id, attempt: j.attempts }, "reminder send failed");
  }
}

/** One pass: claim what is due (at most `limit`), deliver it, and report. Never throws for one bad job. */
export async function runReminderLoopOnce(db: Db, limit = 20): Promise<LoopSummary> {
  const s: LoopSummary = { claimed: 0, sent: 0, missed: 0, skipped: 0, retried: 0, failed: 0 };
  const at = now();
  const jobs = await claim(db, at, limit);
  s.claimed = jobs.length;
  for (const j of jobs) {
    try {
      await handle(db, j, at, s);
    } catch (e) {
      // Ids only: the error of a decrypt or a driver could quote data.
      log.warn({ reminderJobId: j.id, ...errorTag(e) }, "reminder job failed");
      const last = j.attempts >= env().REMINDER_MAX_ATTEMPTS;
      const marked = await finish(db, j, last ? "failed" : "pending", {
        at,
        error: `internal error (${errorTag(e).code ?? errorTag(e).err})`,
        retryAt: last ? undefined : new Date(at.getTime() + retryDelayMs(j.attempts)),
      }).catch(() => false);
      if (marked) s[last ? "failed" : "retried"]++;
    }
  }
  return s;
}
