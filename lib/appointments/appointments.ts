/**
 * Appointments in the case file: created, moved (a new version, never an overwrite; a correction
 * goes out at once), cancelled, and after the date the attendance. Every change is audit-logged.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentVersions, reminderJobs, type AppointmentKind } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Principal } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { appointmentStart } from "@/lib/reminders/schedule";
import { appointmentAad, syncReminderJobs, targetsOf } from "@/lib/reminders/sync";
import { requireCaseAccess, seal, unseal } from "./access";
import { appointmentSchema, fieldErrorsOf, moveSchema, type AppointmentDetails } from "./input";
import { loadRegistration } from "./registration";

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: never } },
  raw: unknown,
): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    throw new AppError("validation", "Nothing was saved: correct the fields marked below.", {
      fieldErrors: fieldErrorsOf(r.error),
    });
  }
  return r.data;
}

function requireAhead(d: AppointmentDetails, at: Date): void {
  if (appointmentStart(d).getTime() <= at.getTime()) {
    throw new AppError("validation", "Nothing was saved: correct the fields marked below.", {
      fieldErrors: { date: "This date and time have already passed in that time zone; enter an upcoming appointment." },
    });
  }
}

export async function createAppointment(
  db: Db,
  actor: Principal | null,
  campaignId: string,
  raw: Record<string, unknown>,
): Promise<{ appointmentId: string }> {
  const { me } = await requireCaseAccess(db, actor, campaignId, "write");
  const d = parse<AppointmentDetails>(appointmentSchema as never, raw);
  const at = now();
  requireAhead(d, at);
  return db.transaction(async (tx) => {
    const id = crypto.randomUUID();
    const envelope = seal(d, appointmentAad(id, 1));
    await tx.insert(appointments).values({ id, campaignId, kind: d.kind, envelope, createdBy: me.userId });
    await tx
      .insert(appointmentVersions)
      .values({ appointmentId: id, version: 1, envelope, change: "created", actorUserId: me.userId });
    await audit(tx, {
      actorUserId: me.userId,
      action: "appointment.created",
      subjectType: "appointment",
      subjectId: id,
      details: { campaignId, kind: d.kind },
    });
    await syncReminderJobs(tx, campaignId, at);
    return { appointmentId: id };
  });
}

async function lockAppointment(tx: Db, appointmentId: string) {
  const [a] = await tx.select().from(appointments).where(eq(appointments.id, appointmentId)).for("update");
  if (!a) throw new AppError("not_found", "No such appointment.");
  return { row: a, details: unseal<AppointmentDetails>(a.envelope, appointmentAad(a.id, a.version)) };
}

async function campaignOf(db: Db, appointmentId: string): Promise<string> {
  const [a] = await db
    .select({ campaignId: appointments.campaignId })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  if (!a) throw new AppError("not_found", "No such appointment.");
  return a.campaignId;
}

/** Queue the news (a correction or a cancellation) for everyone who gets reminders, due now. */
async function queueNews(
  tx: Db,
  campaignId: string,
  appointmentId: string,
  version: number,
  kind: "correction" | "cancellation",
  at: Date,
) {
  const targets = targetsOf(await loadRegistration(tx, campaignId));
  if (!targets.length) return;
  await tx
    .insert(reminderJobs)
    .values(
      targets.map((t) => ({
        appointmentId,
        campaignId,
        version,
        kind,
        offsetKey: "now",
        recipient: t.recipient,
        channel: t.channel,
        dueAt: at,
        nextAttemptAt: at,
      })),
    )
    .onConflictDoNothing();
}

export async function moveAppointment(
  db: Db,
  actor: Principal | null,
  appointmentId: string,
  raw: Record<string, unknown>,
): Promise<{ version: number }> {
  const campaignId = await campaignOf(db, appointmentId);
  const { me } = await requireCaseAccess(db, actor, campaignId, "write");
  const moved = parse<Pick<AppointmentDetails, "date" | "time" | "timeZone" | "place">>(moveSchema as never, raw);
  const at = now();
  return db.transaction(async (tx) => {
    const { row, details } = await lockAppointment(tx, appointmentId);
    if (row.status !== "scheduled" && row.status !== "rescheduled") {
      throw new AppError("conflict", `This appointment is ${row.status}; it cannot be moved.`);
    }
    const next: AppointmentDetails = { ...details, ...moved };
    requireAhead(next, at);
    if (
      next.date === details.date &&
      next.time === details.time &&
      next.timeZone === details.timeZone &&
      next.place === details.place
    ) {
      throw new AppError("validation", "The new date, time and place are the same as before; nothing was changed.");
    }
    const version = await saveVersion(tx, me.userId, campaignId, row, next, "moved");
    await queueNews(tx, campaignId, row.id, version, "correction", at);
    await syncReminderJobs(tx, campaignId, at);
    return { version };
  });
}

export async function cancelAppointment(db: Db, actor: Principal | null, appointmentId: string): Promise<void> {
  const campaignId = await campaignOf(db, appointmentId);
  const { me } = await requireCaseAccess(db, actor, campaignId, "write");
  const at = now();
  await db.transaction(async (tx) => {
    const { row, details } = await lockAppointment(tx, appointmentId);
    if (row.status !== "scheduled")
      throw new AppError("conflict", `This appointment is ${row.status}; it cannot be cancelled.`);
    const version = await saveVersion(tx, me.userId, campaignId, row, details, "cancelled");
    if (appointmentStart(details).getTime() > at.getTime())
      await queueNews(tx, campaignId, row.id, version, "cancellation", at);
    await syncReminderJobs(tx, campaignId, at);
  });
}

/** The appointment's next version: its sealed details and status, a history row and the audit entry. */
async function saveVersion(
  tx: Db,
  actorUserId: string,
  campaignId: string,
  row: { id: string; version: number },
  details: AppointmentDetails,
  change: "moved" | "cancelled",
): Promise<number> {
  const version = row.version + 1;
  const envelope = seal(details, appointmentAad(row.id, version));
  await tx
    .update(appointments)
    .set({ version, envelope, status: change === "moved" ? "scheduled" : "cancelled", updatedAt: new Date() })
    .where(eq(appointments.id, row.id));
  await tx.insert(appointmentVersions).values({ appointmentId: row.id, version, envelope, change, actorUserId });
  await audit(tx, {
    actorUserId,
    action: `appointment.${change}`,
    subjectType: "appointment",
    subjectId: row.id,
    details: { campaignId, version },
  });
  return version;
}

export const KIND_LABELS: Record<AppointmentKind, string> = {
  eoir_master: "Immigration court: master calendar hearing",
  eoir_individual: "Immigration court: individual (merits) hearing",
  ice_checkin: "ICE check-in",
  atd: "ATD (Alternatives to Detention) appointment",
  biometrics: "Biometrics appointment",
  other: "Other appointment",
};
