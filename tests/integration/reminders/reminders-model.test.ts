/**
 * Model-based property test of scheduling on the database: random clock moves, date moves (also
 * to less than a day ahead) and loop passes. After every step: no reminder sent twice, none
 * before its time or after its appointment began, none for a date that was no longer true, and a
 * correction for every move made while the appointment was ahead.
 */
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { appointmentVersions, reminderJobs, smsMessages } from "@/db/schema";
import { unseal } from "@/lib/appointments/access";
import { createAppointment, moveAppointment } from "@/lib/appointments/appointments";
import type { AppointmentDetails } from "@/lib/appointments/input";
import { localDate, localParts } from "@/lib/appointments/zoned-time";
import { saveRegistration } from "@/lib/appointments/registration";
import type { Principal } from "@/lib/auth/roles";
import { clockOffsetMs, now, setClockOffset } from "@/lib/clock";
import { appointmentStart } from "@/lib/reminders/schedule";
import { appointmentAad } from "@/lib/reminders/sync";
import { runReminderLoopOnce } from "@/lib/reminders/worker";
import { insertCampaign } from "../../fixtures/campaigns";
import { principal, verifiedLawyer } from "../../fixtures/people";
import { createTestDb } from "../../helpers/test-db";

let h: DbHandle;
let lawyer: Principal;
const H = 3_600_000;

const zone = fc.constantFrom(
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "America/Phoenix",
  "Pacific/Honolulu",
);
const step = fc.oneof(
  fc.record({ op: fc.constant("advance" as const), hours: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ op: fc.constant("loop" as const) }),
  fc.record({
    op: fc.constant("move" as const),
    minutesAhead: fc.oneof(fc.integer({ min: 90, max: 24 * 60 }), fc.integer({ min: 24 * 60, max: 30 * 24 * 60 })),
  }),
);

function wallAt(instant: Date, timeZone: string, place: string): Record<string, string> {
  const l = localParts(instant, timeZone);
  return {
    date: localDate(instant, timeZone),
    time: `${String(l.hour).padStart(2, "0")}:${String(Math.floor(l.minute / 15) * 15).padStart(2, "0")}`,
    timeZone,
    place,
  };
}

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "a@m.example", ["admin"]);
  lawyer = await verifiedLawyer(h.db, "l@m.example", admin);
});
afterEach(() => setClockOffset(0));
afterAll(async () => h?.close());

describe("reminder scheduling, model-based", () => {
  it("holds its invariants under random clock moves, date moves and loop passes", async () => {
    await fc.assert(
      fc.asyncProperty(
        zone,
        fc.integer({ min: 2, max: 40 }),
        fc.array(step, { minLength: 3, maxLength: 14 }),
        async (tz, daysAhead, steps) => {
          setClockOffset(0);
          const campaignId = await insertCampaign(h.db, { lawyerUserId: lawyer.userId, status: "bond_posted" });
          await saveRegistration(h.db, lawyer, campaignId, {
            phone: "+15045550100",
            language: "en",
            channel: "sms",
            consent: true,
            consentDate: "2026-11-01",
            lawyerPhone: "+12125550100",
          });
          const first = wallAt(new Date(now().getTime() + daysAhead * 24 * H), tz, "Court A");
          const { appointmentId } = await createAppointment(h.db, lawyer, campaignId, {
            kind: "eoir_master",
            ...first,
          });
          const moves: { version: number; at: Date }[] = [];
          let version = 1;
          for (const s of steps) {
            if (s.op === "advance") setClockOffset(clockOffsetMs() + s.hours * H);
            if (s.op === "loop") await runReminderLoopOnce(h.db);
            if (s.op === "move") {
              const target = wallAt(new Date(now().getTime() + s.minutesAhead * 60_000), tz, `Court ${version + 1}`);
              const ok = await moveAppointment(h.db, lawyer, appointmentId, target).then(
                () => true,
                () => false,
              );
              if (ok) moves.push({ version: ++version, at: now() });
            }
            await check(appointmentId, moves);
          }
          // Past the last date, one more pass: nothing is left pending.
          setClockOffset(clockOffsetMs() + 45 * 24 * H);
          await runReminderLoopOnce(h.db);
          const jobs = await h.db.select().from(reminderJobs).where(eq(reminderJobs.appointmentId, appointmentId));
          expect(jobs.filter((j) => j.status === "pending" || j.status === "sending")).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });
});

async function check(appointmentId: string, moves: { version: number; at: Date }[]) {
  const jobs = await h.db.select().from(reminderJobs).where(eq(reminderJobs.appointmentId, appointmentId));
  const versions = await h.db
    .select()
    .from(appointmentVersions)
    .where(eq(appointmentVersions.appointmentId, appointmentId));
  const startOf = new Map(
    versions.map((v) => [
      v.version,
      appointmentStart(unseal<AppointmentDetails>(v.envelope, appointmentAad(appointmentId, v.version))),
    ]),
  );
  const movedAt = new Map(moves.map((m) => [m.version, m.at]));
  const sms = await h.db.select().from(smsMessages);
  const sent = jobs.filter((j) => j.status === "sent");
  for (const j of sent) {
    expect(sms.filter((m) => m.jobId === j.id)).toHaveLength(1);
    expect(j.sentAt!.getTime()).toBeGreaterThanOrEqual(j.dueAt.getTime());
    expect(j.sentAt!.getTime()).toBeLessThan(startOf.get(j.version)!.getTime());
    // A reminder for a date that was moved before its send is never sent.
    const replaced = movedAt.get(j.version + 1);
    if (j.kind === "reminder" && replaced) expect(j.sentAt!.getTime()).toBeLessThan(replaced.getTime() + 1);
  }
  const latest = Math.max(...versions.map((v) => v.version));
  for (const j of jobs.filter((x) => x.status === "pending")) {
    expect(j.version).toBe(latest);
    expect(j.dueAt.getTime()).toBeLessThan(startOf.get(j.version)!.getTime());
  }
  for (const m of moves) expect(jobs.filter((j) => j.kind === "correction" && j.version === m.version)).toHaveLength(1);
}
