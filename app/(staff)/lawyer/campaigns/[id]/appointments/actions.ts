"use server";
/** Server actions of the appointments page. Each resolves the principal itself; lib checks role and ownership. */
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { cancelAppointment, createAppointment, moveAppointment } from "@/lib/appointments/appointments";
import { recordAddressChange, recordAttendance } from "@/lib/appointments/follow-up";
import { saveRegistration, withdrawConsent } from "@/lib/appointments/registration";
import { completeTask } from "@/lib/appointments/tasks";
import { currentPrincipal } from "@/lib/auth/config";
import { attempt, type FormState } from "@/lib/forms/form-state";
import { kickReminders } from "@/lib/reminders/loop";
import { requireId } from "@/lib/validation";

/** Form fields as an object, without React's `$ACTION…` entries and without the move form's `m<id>-` prefix. */
const fields = (fd: FormData) =>
  Object.fromEntries(
    [...fd.entries()].filter(([k]) => !k.startsWith("$")).map(([k, v]) => [k.replace(/^m[0-9a-f]{8}-/, ""), v]),
  );

function done(campaignId: string, message: string, warnings?: string[]): FormState {
  kickReminders();
  revalidatePath(`/lawyer/campaigns/${campaignId}/appointments`);
  return { status: "ok", message, warnings };
}

export async function saveRegistrationAction(campaignId: string, _p: FormState, fd: FormData): Promise<FormState> {
  const id = campaignId;
  const raw = fields(fd);
  const r = await attempt(async () =>
    saveRegistration(await getDb(), await currentPrincipal(), requireId(id, "campaign"), {
      ...raw,
      consent: raw.consent === "on",
    }),
  );
  if (!r.ok) return r.state;
  return done(id, "Saved. Reminders go out for every upcoming appointment.", r.value.warnings);
}

export async function withdrawConsentAction(campaignId: string, _p: FormState): Promise<FormState> {
  const id = campaignId;
  const r = await attempt(async () =>
    withdrawConsent(await getDb(), await currentPrincipal(), requireId(id, "campaign")),
  );
  if (!r.ok) return r.state;
  return done(id, "Consent withdrawn: no more reminders will be sent.");
}

export async function createAppointmentAction(campaignId: string, _p: FormState, fd: FormData): Promise<FormState> {
  const id = campaignId;
  const r = await attempt(async () =>
    createAppointment(await getDb(), await currentPrincipal(), requireId(id, "campaign"), fields(fd)),
  );
  if (!r.ok) return r.state;
  return done(id, "Appointment added.");
}

export async function moveAppointmentAction(
  campaignId: string,
  appointmentId: string,
  _p: FormState,
  fd: FormData,
): Promise<FormState> {
  const id = campaignId;
  const r = await attempt(async () =>
    moveAppointment(await getDb(), await currentPrincipal(), requireId(appointmentId, "appointment"), fields(fd)),
  );
  if (!r.ok) {
    // The move form's inputs carry a prefix (unique ids on a page with several forms).
    const prefix = `m${appointmentId.slice(0, 8)}-`;
    const fe = r.state.fieldErrors;
    return fe
      ? { ...r.state, fieldErrors: Object.fromEntries(Object.entries(fe).map(([k, v]) => [prefix + k, v])) }
      : r.state;
  }
  return done(id, "Date changed. A correction is on its way; reminders for the old date are cancelled.");
}

export async function cancelAppointmentAction(
  campaignId: string,
  appointmentId: string,
  _p: FormState,
): Promise<FormState> {
  const id = campaignId;
  const r = await attempt(async () =>
    cancelAppointment(await getDb(), await currentPrincipal(), requireId(appointmentId, "appointment")),
  );
  if (!r.ok) return r.state;
  return done(id, "Appointment cancelled; the person is told and its reminders are cancelled.");
}

export async function attendanceAction(
  campaignId: string,
  appointmentId: string,
  _p: FormState,
  fd: FormData,
): Promise<FormState> {
  const id = campaignId;
  const r = await attempt(async () =>
    recordAttendance(await getDb(), await currentPrincipal(), requireId(appointmentId, "appointment"), fields(fd)),
  );
  if (!r.ok) return r.state;
  return done(id, "Attendance recorded.");
}

export async function addressAction(campaignId: string, _p: FormState, fd: FormData): Promise<FormState> {
  const id = campaignId;
  const r = await attempt(async () =>
    recordAddressChange(await getDb(), await currentPrincipal(), requireId(id, "campaign"), fields(fd)),
  );
  if (!r.ok) return r.state;
  return done(id, `New address recorded; ${r.value.tasks} task(s) with deadlines were created.`);
}

export async function completeTaskAction(campaignId: string, taskId: string, _p: FormState): Promise<FormState> {
  const id = campaignId;
  const r = await attempt(async () => completeTask(await getDb(), await currentPrincipal(), requireId(taskId, "task")));
  if (!r.ok) return r.state;
  return done(id, "Task marked done.");
}
