import { KIND_LABELS } from "@/lib/appointments/appointments";
import type { AppointmentView } from "@/lib/appointments/view";
import { formatDate, formatTime } from "@/lib/reminders/messages";
import { AttendanceForm, CancelForm, MoveForm } from "./appointment-forms";
import { ReminderTable } from "./reminder-table";

const when = (d: { date: string; time: string; timeZone: string }) =>
  `${formatDate(d, "en")}, ${formatTime(d, "en")} (${d.timeZone.replace(/_/g, " ")})`;

/** One appointment: when and where (and earlier dates), its reminders, and what staff can do with it now. */
export function AppointmentCard({
  a,
  campaignId,
  zones,
}: {
  a: AppointmentView;
  campaignId: string;
  zones: { value: string; label: string }[];
}) {
  const open = a.status === "scheduled" || a.status === "rescheduled";
  return (
    <li className="rounded-lg border border-line bg-white p-4" data-testid="appointment">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">{KIND_LABELS[a.kind]}</h3>
        <span className={`text-sm ${a.status === "missed" ? "font-semibold text-accent" : "text-muted"}`}>
          {a.status.replace(/_/g, " ")}
        </span>
      </div>
      <p className="text-sm" data-testid="appointment-when">
        {when(a.details)} · {a.details.place}
      </p>
      {a.history.length > 1 ? (
        <ul className="mt-1 text-xs text-muted">
          {a.history.slice(0, -1).map((h) => (
            <li key={h.version}>
              earlier: {when(h.details)} · {h.details.place}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3">
        <ReminderTable reminders={a.reminders} version={a.version} timeZone={a.details.timeZone} />
      </div>
      {a.status === "scheduled" && a.begun ? (
        <div className="mt-3">
          <p className="mb-1 text-sm font-medium">Did the person attend?</p>
          <AttendanceForm campaignId={campaignId} appointmentId={a.id} />
        </div>
      ) : null}
      {open && (!a.begun || a.status === "rescheduled") ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand">Change the date</summary>
          <div className="mt-2">
            <MoveForm campaignId={campaignId} appointmentId={a.id} zones={zones} />
          </div>
        </details>
      ) : null}
      {a.status === "scheduled" && !a.begun ? (
        <div className="mt-3">
          <CancelForm campaignId={campaignId} appointmentId={a.id} />
        </div>
      ) : null}
    </li>
  );
}
