"use client";
/** The appointment's own forms: add one, move its date, cancel it, record attendance (server actions in ./actions). */
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { SelectField, TextField } from "@/app/components/staff/fields";
import { attendanceAction, cancelAppointmentAction, createAppointmentAction, moveAppointmentAction } from "./actions";
import type { Option } from "./forms";

function WhenFields({ zones, idPrefix = "" }: { zones: Option[]; idPrefix?: string }) {
  return (
    <>
      <TextField name={`${idPrefix}date`} label="Date" type="date" />
      <TextField name={`${idPrefix}time`} label="Time (local)" type="time" />
      <SelectField name={`${idPrefix}timeZone`} label="Time zone" options={zones} />
      <TextField name={`${idPrefix}place`} label="Place (court or office, address)" />
    </>
  );
}

export function NewAppointmentForm({
  campaignId,
  kinds,
  zones,
}: {
  campaignId: string;
  kinds: Option[];
  zones: Option[];
}) {
  return (
    <ActionForm
      action={createAppointmentAction.bind(null, campaignId)}
      label="New appointment"
      className="grid gap-3 sm:grid-cols-2"
    >
      <SelectField name="kind" label="Kind" options={kinds} />
      <WhenFields zones={zones} />
      <TextField name="note" label="Note for staff (optional, not sent)" />
      <div className="sm:col-span-2">
        <SubmitButton>Add appointment</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Field names must be unique on the page, so the move form's inputs are prefixed and unprefixed in the action. */
export function MoveForm({
  campaignId,
  appointmentId,
  zones,
}: {
  campaignId: string;
  appointmentId: string;
  zones: Option[];
}) {
  return (
    <ActionForm
      action={moveAppointmentAction.bind(null, campaignId, appointmentId)}
      label="Change the date"
      className="grid gap-3 sm:grid-cols-2"
    >
      <WhenFields zones={zones} idPrefix={`m${appointmentId.slice(0, 8)}-`} />
      <div className="sm:col-span-2">
        <SubmitButton>Save the new date and send a correction</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function CancelForm({ campaignId, appointmentId }: { campaignId: string; appointmentId: string }) {
  return (
    <ActionForm action={cancelAppointmentAction.bind(null, campaignId, appointmentId)} label="Cancel the appointment">
      <SubmitButton variant="danger">Cancel this appointment</SubmitButton>
    </ActionForm>
  );
}

export function AttendanceForm({ campaignId, appointmentId }: { campaignId: string; appointmentId: string }) {
  return (
    <ActionForm
      action={attendanceAction.bind(null, campaignId, appointmentId)}
      label="Record attendance"
      className="flex flex-wrap gap-2"
    >
      <SubmitButton name="outcome" value="attended">
        Attended
      </SubmitButton>
      <SubmitButton name="outcome" value="missed" variant="danger">
        Missed
      </SubmitButton>
      <SubmitButton name="outcome" value="rescheduled" variant="secondary">
        Rescheduled by the court/ICE
      </SubmitButton>
    </ActionForm>
  );
}
