/**
 * The lawyer's calendar file (RFC 5545) of one person's appointments. Served only to the lawyer
 * of record, behind sign-in, never as a public feed; each download is audit-logged.
 */
import { AppError } from "@/lib/errors";
import type { Db } from "@/db/client";
import { audit } from "@/lib/audit";
import type { Principal } from "@/lib/auth/roles";
import { KIND_LABELS } from "./appointments";
import { appointmentsPage } from "./view";

const esc = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** Lines longer than 75 octets are folded (CRLF + space), without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = "";
  for (const ch of line) {
    if (Buffer.byteLength(cur + ch, "utf8") > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = "";
    }
    cur += ch;
  }
  out.push(cur);
  return out.join("\r\n ");
}

export async function appointmentsIcs(
  db: Db,
  actor: Principal | null,
  campaignId: string,
): Promise<{ filename: string; body: string }> {
  const page = await appointmentsPage(db, actor, campaignId);
  if (!actor?.roles.includes("lawyer") || page.campaign.lawyerUserId !== actor.userId) {
    throw new AppError("forbidden", "The calendar file is for the lawyer of record only.");
  }
  const now = stamp(new Date());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//OpenBond//Appointments//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  for (const a of page.appointments) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${a.id}@openbond`,
      `DTSTAMP:${now}`,
      `DTSTART:${stamp(a.startsAt)}`,
      `DTEND:${stamp(new Date(a.startsAt.getTime() + 60 * 60_000))}`,
      `SEQUENCE:${a.version - 1}`,
      `SUMMARY:${esc(`${KIND_LABELS[a.kind]} — ${page.campaign.alias}*`)}`,
      `LOCATION:${esc(a.details.place)}`,
      `DESCRIPTION:${esc(`Local time ${a.details.date} ${a.details.time} (${a.details.timeZone}). Status: ${a.status}.`)}`,
      `STATUS:${a.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  await audit(db, {
    actorUserId: actor.userId,
    action: "appointments.ics_exported",
    subjectType: "campaign",
    subjectId: campaignId,
  });
  return { filename: `appointments-${campaignId.slice(0, 8)}.ics`, body: lines.map(fold).join("\r\n") + "\r\n" };
}
