/** One appointment's reminders and their status, in words. */
import { statusLabel } from "@/app/components/staff/format";
import type { ReminderLine } from "@/lib/appointments/view";

/** A due time on the appointment's own clock, e.g. "Wed, Dec 9, 2:30 PM CST". */
function local(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(d);
}

function label(r: ReminderLine): string {
  if (r.kind === "correction") return "Correction (new date)";
  if (r.kind === "cancellation") return "Cancellation notice";
  if (r.offsetKey === "morning") return "Morning of the day";
  const n = Number(r.offsetKey.slice(0, -1));
  const unit = { d: "day", h: "hour", m: "minute" }[r.offsetKey.slice(-1)] ?? "";
  return `${n} ${unit}${n === 1 ? "" : "s"} before`;
}

function status(r: ReminderLine): string {
  if (r.status === "sent")
    return r.deliveryStatus && r.deliveryStatus !== "outbox"
      ? `sent, ${r.deliveryStatus}`
      : r.deliveryStatus === "outbox"
        ? "sent (outbox)"
        : "sent";
  return statusLabel(r.status);
}

export function ReminderTable({
  reminders,
  version,
  timeZone,
}: {
  reminders: ReminderLine[];
  version: number;
  timeZone: string;
}) {
  if (!reminders.length)
    return <p className="text-sm text-muted">No reminders: register the person for reminders (with consent) above.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="reminders">
        <caption className="sr-only">Reminders for this appointment</caption>
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Reminder
            </th>
            <th scope="col" className="py-1 pr-3">
              To
            </th>
            <th scope="col" className="py-1 pr-3">
              Due (sent)
            </th>
            <th scope="col" className="py-1 pr-3">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {reminders.map((r) => (
            <tr key={r.id} className={`border-t border-line ${r.version !== version ? "text-muted" : ""}`}>
              <td className="py-1 pr-3">
                {label(r)}
                {r.version !== version ? " (old date)" : ""}
              </td>
              <td className="py-1 pr-3">
                {r.recipient === "person" ? "person" : "family"} · {r.channel === "sms" ? "SMS" : "email"}
              </td>
              <td className="py-1 pr-3 tabular-nums">{local(r.sentAt ?? r.dueAt, timeZone)}</td>
              <td className="py-1 pr-3" data-status={r.status}>
                {status(r)}
                {r.note && r.status !== "sent" ? <span className="block text-xs text-muted">{r.note}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
