/**
 * When reminders go out: pure functions of the appointment, the fund's schedule and the clock,
 * property-tested in tests/unit/reminders/schedule.test.ts.
 *
 * REMINDER_SCHEDULE is a comma list of offsets before the appointment: `14d` (calendar days in
 * the appointment's zone, same wall time, so a DST change in between does not move the hour),
 * `6h` / `30m` (absolute), and `morning` (REMINDER_MORNING_HOUR on the day, but at least two
 * hours before an early appointment).
 */
import { z } from "zod";
import { addDays, zonedToUtc } from "@/lib/appointments/zoned-time";

export type Offset = { key: string; unit: "d" | "h" | "m"; amount: number } | { key: "morning"; unit: "morning" };

const OFFSET = /^(\d{1,6})(d|h|m)$/;
/** At most a year before the appointment, in each unit. */
const MAX = { d: 365, h: 8_760, m: 525_600 } as const;

export const scheduleSchema = z
  .string()
  .trim()
  .min(1, "REMINDER_SCHEDULE needs at least one offset, e.g. 14d,3d,1d,morning")
  .transform((s, ctx): Offset[] => {
    const out: Offset[] = [];
    for (const raw of s.split(",").map((p) => p.trim().toLowerCase())) {
      if (raw === "morning") {
        out.push({ key: "morning", unit: "morning" });
        continue;
      }
      const m = OFFSET.exec(raw);
      const amount = m ? Number(m[1]) : 0;
      if (!m || amount === 0 || amount > MAX[m[2] as keyof typeof MAX]) {
        ctx.addIssue({ code: "custom", message: `"${raw}" is not an offset: use e.g. 14d, 6h, 30m or morning.` });
        return z.NEVER;
      }
      out.push({ key: raw, unit: m[2] as "d" | "h" | "m", amount });
    }
    if (new Set(out.map((o) => o.key)).size !== out.length) {
      ctx.addIssue({ code: "custom", message: "REMINDER_SCHEDULE lists an offset twice." });
      return z.NEVER;
    }
    return out;
  });

export function parseSchedule(s: string): Offset[] {
  return scheduleSchema.parse(s);
}

export interface WallTime {
  date: string; // YYYY-MM-DD in the appointment's zone
  time: string; // HH:MM
  timeZone: string;
}

const MORNING_MIN_LEAD_MS = 2 * 3_600_000;

/** When one offset fires for an appointment (it may be in the past or even after the start; see planReminders). */
function dueAt(appt: WallTime, offset: Offset, morningHour: number): Date {
  const start = zonedToUtc(appt.date, appt.time, appt.timeZone);
  switch (offset.unit) {
    case "d":
      return zonedToUtc(addDays(appt.date, -offset.amount), appt.time, appt.timeZone);
    case "h":
      return new Date(start.getTime() - offset.amount * 3_600_000);
    case "m":
      return new Date(start.getTime() - offset.amount * 60_000);
    case "morning": {
      const morning = zonedToUtc(appt.date, `${String(morningHour).padStart(2, "0")}:00`, appt.timeZone);
      return new Date(Math.min(morning.getTime(), start.getTime() - MORNING_MIN_LEAD_MS));
    }
  }
}

export interface PlannedReminder {
  offsetKey: string;
  dueAt: Date;
  /** skipped: its time had already passed when the appointment (or its new date) became known. */
  status: "pending" | "skipped";
}

/**
 * The reminders for one appointment version, planned at `now`: one per offset, each strictly
 * before the start; an offset whose time is already past is recorded as skipped, not sent late
 * (a late reminder would repeat what the next one says). Offsets that land on the same minute
 * keep only the one closest to the appointment.
 */
export function planReminders(appt: WallTime, schedule: Offset[], now: Date, morningHour: number): PlannedReminder[] {
  const start = zonedToUtc(appt.date, appt.time, appt.timeZone);
  const seen = new Set<number>();
  const planned = schedule
    .map((o) => ({ offsetKey: o.key, dueAt: dueAt(appt, o, morningHour) }))
    .filter((p) => p.dueAt.getTime() < start.getTime())
    .sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime())
    .filter((p) => {
      const t = p.dueAt.getTime();
      if (seen.has(t)) return false;
      seen.add(t);
      return true;
    })
    .reverse();
  return planned.map((p) => ({ ...p, status: p.dueAt.getTime() <= now.getTime() ? "skipped" : "pending" }));
}

export function appointmentStart(appt: WallTime): Date {
  return zonedToUtc(appt.date, appt.time, appt.timeZone);
}

/** Backoff before retry n (1-based): 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}
