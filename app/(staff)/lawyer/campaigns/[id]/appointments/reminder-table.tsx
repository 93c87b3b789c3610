/** One appointment's reminders and their status, in words. */
import { dateTime, statusLabel } from "@/app/components/staff/format";
import type { ReminderLine } from "@/lib/appointments/view";

const WHAT: Record<string, string> = { morning: "morning of", now: "at once" };

function label(r: ReminderLine): string {
  if (r.kind === "correction") return "Correction (new date)";
  if (r.kind === "cancellation") return "Cancellation notice";
  return `${WHAT[r.offsetKey] ?? r.offsetKey.replace(/d$/, " day(s)").replace(/h$/, " hour(s)").replace(/m$/, " min")} before`;
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

export function ReminderTable({ reminders, version }: { reminders: ReminderLine[]; version: number }) {
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
              Due
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
              <td className="py-1 pr-3 tabular-nums">{dateTime(r.sentAt ?? r.dueAt)}</td>
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
