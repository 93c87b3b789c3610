/**
 * What follows an appointment or a move: the attendance the lawyer records (a miss raises urgent
 * items for the lawyer and the treasury) and the address change with its form deadlines.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, bonds, caseTasks, personAddresses } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Principal } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { appointmentStart } from "@/lib/reminders/schedule";
import { appointmentAad } from "@/lib/reminders/sync";
import { requireCaseAccess, seal, unseal } from "./access";
import { addressSchema, attendanceSchema, fieldErrorsOf, type AppointmentDetails } from "./input";
import { addWorkingDays } from "./working-days";
import { addDays, localDate } from "./zoned-time";

/** Motion to reopen an in-absentia order for exceptional circumstances: 180 days (INA 240(b)(5)(C)(i)). */
const REOPEN_WINDOW_DAYS = 180;
/** The obligor reports a change "promptly" (I-352); the fund's own deadline, unconfirmed. */
const I333_DAYS = 10;
const ACTIVE_BOND = ["paid", "posted", "breached", "appealed"] as const;

export async function recordAttendance(
  db: Db,
  actor: Principal | null,
  appointmentId: string,
  raw: Record<string, unknown>,
): Promise<void> {
  const parsed = attendanceSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("validation", parsed.error.issues[0]!.message);
  const { outcome } = parsed.data;
  const [a0] = await db
    .select({ campaignId: appointments.campaignId })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  if (!a0) throw new AppError("not_found", "No such appointment.");
  const { me } = await requireCaseAccess(db, actor, a0.campaignId, "write");
  await db.transaction(async (tx) => {
    const [a] = await tx.select().from(appointments).where(eq(appointments.id, appointmentId)).for("update");
    if (!a) throw new AppError("not_found", "No such appointment.");
    if (a.status !== "scheduled") throw new AppError("conflict", `Attendance is already recorded (${a.status}).`);
    const d = unseal<AppointmentDetails>(a.envelope, appointmentAad(a.id, a.version));
    if (appointmentStart(d).getTime() > now().getTime()) {
      throw new AppError("validation", "Attendance can be recorded once the appointment has begun.");
    }
    await tx
      .update(appointments)
      .set({ status: outcome, attendanceBy: me.userId, attendanceAt: new Date(), updatedAt: new Date() })
      .where(eq(appointments.id, a.id));
    if (outcome === "missed") {
      const reopenBy = addDays(localDate(appointmentStart(d), d.timeZone), REOPEN_WINDOW_DAYS);
      await tx.insert(caseTasks).values([
        {
          campaignId: a.campaignId,
          kind: "missed_appointment",
          assignee: "lawyer",
          urgent: true,
          dueOn: reopenBy,
          appointmentId: a.id,
        },
        {
          campaignId: a.campaignId,
          kind: "missed_appointment",
          assignee: "treasurer",
          urgent: true,
          appointmentId: a.id,
        },
      ]);
    }
    await audit(tx, {
      actorUserId: me.userId,
      action: "appointment.attendance",
      subjectType: "appointment",
      subjectId: a.id,
      details: { campaignId: a.campaignId, outcome },
    });
  });
}

export async function recordAddressChange(
  db: Db,
  actor: Principal | null,
  campaignId: string,
  raw: Record<string, unknown>,
): Promise<{ tasks: number }> {
  const { me } = await requireCaseAccess(db, actor, campaignId, "write");
  const parsed = addressSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("validation", "Nothing was saved: correct the fields marked below.", {
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  }
  const addr = parsed.data;
  const today = localDate(now(), "America/New_York");
  if (addr.movedOn > today)
    throw new AppError("validation", "Nothing was saved: correct the fields marked below.", {
      fieldErrors: { movedOn: "The date of the move cannot be in the future." },
    });
  return db.transaction(async (tx) => {
    const id = crypto.randomUUID();
    await tx
      .insert(personAddresses)
      .values({ id, campaignId, envelope: seal(addr, `person_address:${id}`), recordedBy: me.userId });
    const [bond] = await tx
      .select({ id: bonds.id })
      .from(bonds)
      .where(and(eq(bonds.campaignId, campaignId), inArray(bonds.status, [...ACTIVE_BOND])));
    const tasks = [
      { kind: "eoir33" as const, assignee: "lawyer" as const, dueOn: addWorkingDays(addr.movedOn, 5) },
      { kind: "ar11" as const, assignee: "lawyer" as const, dueOn: addDays(addr.movedOn, 10) },
      ...(bond
        ? [{ kind: "i333" as const, assignee: "treasurer" as const, dueOn: addDays(addr.movedOn, I333_DAYS) }]
        : []),
    ];
    await tx.insert(caseTasks).values(tasks.map((t) => ({ ...t, campaignId, addressId: id })));
    await audit(tx, {
      actorUserId: me.userId,
      action: "person_address.recorded",
      subjectType: "campaign",
      subjectId: campaignId,
      details: { addressId: id, tasks: tasks.length },
    });
    return { tasks: tasks.length };
  });
}
