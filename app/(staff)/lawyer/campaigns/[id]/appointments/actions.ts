"use server";
/** Server actions of the appointments page, built with validatedAction; lib checks role and ownership. */
import { revalidatePath } from "next/cache";
import { cancelAppointment, createAppointment, moveAppointment } from "@/lib/appointments/appointments";
import { recordAddressChange, recordAttendance } from "@/lib/appointments/follow-up";
import { saveRegistration, withdrawConsent } from "@/lib/appointments/registration";
import { completeTask } from "@/lib/appointments/tasks";
import { ok, type FormState } from "@/lib/forms/form-state";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { kickReminders } from "@/lib/reminders/loop";
import { requireId } from "@/lib/validation";

function done(campaignId: string, message: string, warnings?: string[]): FormState {
  // A correction or a new date's reminders leave now, not at the loop's next tick.
  kickReminders();
  revalidatePath(`/lawyer/campaigns/${campaignId}/appointments`);
  return ok(message, warnings?.length ? { warnings } : {});
}

export const saveRegistrationAction = validatedAction(anyFields, async (f, { me, db }, campaignId: string) => {
  const id = requireId(campaignId, "campaign");
  const { warnings } = await saveRegistration(db, me, id, { ...f, consent: f.consent === "on" });
  return done(id, "Saved. Reminders go out for every upcoming appointment.", warnings);
});

export const withdrawConsentAction = validatedAction(anyFields, async (_f, { me, db }, campaignId: string) => {
  const id = requireId(campaignId, "campaign");
  await withdrawConsent(db, me, id);
  return done(id, "Consent withdrawn: no more reminders will be sent.");
});

export const createAppointmentAction = validatedAction(anyFields, async (f, { me, db }, campaignId: string) => {
  const id = requireId(campaignId, "campaign");
  await createAppointment(db, me, id, f);
  return done(id, "Appointment added.");
});

/** The move form's inputs carry a prefix (ids unique on a page with several forms); its errors get it back. */
export const moveAppointmentAction = validatedAction(
  anyFields,
  async (f, { me, db }, campaignId: string, appointmentId: string) => {
    const prefix = `m${String(appointmentId).slice(0, 8)}-`;
    const input = Object.fromEntries(Object.entries(f).map(([k, v]) => [k.replace(prefix, ""), v]));
    try {
      await moveAppointment(db, me, requireId(appointmentId, "appointment"), input);
    } catch (e) {
      const fe = (e as { details?: { fieldErrors?: Record<string, string> } }).details?.fieldErrors;
      if (fe) {
        for (const k of Object.keys(fe)) {
          fe[prefix + k] = fe[k]!;
          delete fe[k];
        }
      }
      throw e;
    }
    return done(campaignId, "Date changed. A correction is on its way; reminders for the old date are cancelled.");
  },
);

export const cancelAppointmentAction = validatedAction(
  anyFields,
  async (_f, { me, db }, campaignId: string, appointmentId: string) => {
    await cancelAppointment(db, me, requireId(appointmentId, "appointment"));
    return done(campaignId, "Appointment cancelled; the person is told and its reminders are cancelled.");
  },
);

export const attendanceAction = validatedAction(
  anyFields,
  async (f, { me, db }, campaignId: string, appointmentId: string) => {
    await recordAttendance(db, me, requireId(appointmentId, "appointment"), f);
    return done(campaignId, "Attendance recorded.");
  },
);

export const addressAction = validatedAction(anyFields, async (f, { me, db }, campaignId: string) => {
  const id = requireId(campaignId, "campaign");
  const { tasks } = await recordAddressChange(db, me, id, f);
  return done(id, `New address recorded; ${tasks} task(s) with deadlines were created.`);
});

export const completeTaskAction = validatedAction(
  anyFields,
  async (_f, { me, db }, campaignId: string, taskId: string) => {
    await completeTask(db, me, requireId(taskId, "task"));
    return done(campaignId, "Task marked done.");
  },
);
