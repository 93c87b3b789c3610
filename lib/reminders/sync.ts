/**
 * Keeps the job table true to the case file: one pending row per upcoming appointment ×
 * reminder offset × recipient × channel for the current version, only with consent; anything
 * pending that is no longer true (an old date, a withdrawn consent, a STOP, a removed contact)
 * is cancelled. Idempotent: the unique key makes a second run insert nothing.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, reminderJobs } from "@/db/schema";
import type { AppointmentDetails } from "@/lib/appointments/input";
import { loadRegistration, type StoredRegistration } from "@/lib/appointments/registration";
import { unseal } from "@/lib/appointments/access";
import { env } from "@/lib/env";
import { appointmentStart, planReminders } from "./schedule";

export const appointmentAad = (id: string, version: number) => `appointment:${id}:${version}`;

export interface Target {
  recipient: "person" | "family";
  channel: "sms" | "email";
}

/** Who gets what, from the registration: nobody without consent; SMS never after a STOP. */
export function targetsOf(reg: StoredRegistration | null): Target[] {
  if (!reg || reg.consent !== true) return [];
  const sms = reg.channel !== "email";
  const email = reg.channel !== "sms";
  const out: Target[] = [];
  if (sms && reg.phone && !reg.smsStoppedAt) out.push({ recipient: "person", channel: "sms" });
  if (email && reg.email) out.push({ recipient: "person", channel: "email" });
  if (sms && reg.familyPhone && !reg.familySmsStoppedAt) out.push({ recipient: "family", channel: "sms" });
  if (email && reg.familyEmail) out.push({ recipient: "family", channel: "email" });
  return out;
}

const key = (t: Target) => `${t.recipient}:${t.channel}`;

export async function syncReminderJobs(tx: Db, campaignId: string, at: Date): Promise<void> {
  const reg = await loadRegistration(tx, campaignId);
  const targets = targetsOf(reg);
  const wanted = new Set(targets.map(key));
  const { REMINDER_SCHEDULE, REMINDER_MORNING_HOUR } = env();
  const rows = await tx.select().from(appointments).where(eq(appointments.campaignId, campaignId));
  for (const a of rows) {
    const details = unseal<AppointmentDetails>(a.envelope, appointmentAad(a.id, a.version));
    const ahead = a.status === "scheduled" && appointmentStart(details).getTime() > at.getTime();
    if (ahead && targets.length) {
      const plan = planReminders(details, REMINDER_SCHEDULE, at, REMINDER_MORNING_HOUR);
      const values = targets.flatMap((t) =>
        plan.map((p) => ({
          appointmentId: a.id,
          campaignId,
          version: a.version,
          kind: "reminder" as const,
          offsetKey: p.offsetKey,
          recipient: t.recipient,
          channel: t.channel,
          dueAt: p.dueAt,
          nextAttemptAt: p.dueAt,
          status: p.status,
          lastError: p.status === "skipped" ? "its time had passed when the date was entered" : null,
        })),
      );
      if (values.length) await tx.insert(reminderJobs).values(values).onConflictDoNothing();
    }
    // Cancel what is no longer true. Corrections and cancellations of the current version stay
    // (they are the news); reminders survive only for the current version of an upcoming date.
    const pending = await tx
      .select({
        id: reminderJobs.id,
        kind: reminderJobs.kind,
        version: reminderJobs.version,
        recipient: reminderJobs.recipient,
        channel: reminderJobs.channel,
      })
      .from(reminderJobs)
      .where(and(eq(reminderJobs.appointmentId, a.id), eq(reminderJobs.status, "pending")));
    const stale = pending
      .filter((j) => {
        if (!wanted.has(key(j))) return true;
        if (j.version !== a.version) return true;
        return j.kind === "reminder" && !ahead;
      })
      .map((j) => j.id);
    if (stale.length) {
      await tx
        .update(reminderJobs)
        .set({ status: "cancelled", lastError: "no longer true", updatedAt: sql`now()` })
        .where(and(inArray(reminderJobs.id, stale), eq(reminderJobs.status, "pending")));
    }
  }
}
