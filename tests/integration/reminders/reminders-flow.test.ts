import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { appointments, auditLog, caseTasks, reminderJobs, smsMessages } from "@/db/schema";
import { unseal } from "@/lib/appointments/access";
import { createAppointment, moveAppointment } from "@/lib/appointments/appointments";
import { recordAddressChange, recordAttendance } from "@/lib/appointments/follow-up";
import { saveRegistration } from "@/lib/appointments/registration";
import { openTasks } from "@/lib/appointments/tasks";
import type { Principal } from "@/lib/auth/roles";
import { setClockOffset } from "@/lib/clock";
import { runReminderLoopOnce } from "@/lib/reminders/worker";
import { SMS_AAD } from "@/lib/sms/transport";
import { insertBond, insertCampaign } from "../../fixtures/campaigns";
import { principal, verifiedLawyer } from "../../fixtures/people";
import { createTestDb } from "../../helpers/test-db";

let h: DbHandle;
let lawyer: Principal, other: Principal, treasurer: Principal;
let campaignId: string;

const DAY = 86_400_000;
const plusDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const registration = (over: Record<string, unknown> = {}) => ({
  phone: "(504) 555-0142",
  language: "es",
  channel: "sms",
  consent: "on" === "on" ? true : false,
  consentDate: new Date().toISOString().slice(0, 10),
  lawyerPhone: "+1 212 555 0199",
  ...over,
});
const hearing = (over: Record<string, unknown> = {}) => ({
  kind: "eoir_master",
  date: plusDays(20),
  time: "09:00",
  timeZone: "America/Chicago",
  place: "New Orleans Immigration Court, 1 Canal St",
  ...over,
});

async function outbox(): Promise<{ to: string; body: string }[]> {
  const rows = await h.db.select().from(smsMessages);
  return rows.map((r) => unseal<{ to: string; body: string }>(r.envelope, SMS_AAD(r.jobId)));
}
const advance = (days: number) => setClockOffset(Math.round(days * DAY));
/** Move the clock to just after a reminder's time. */
async function advanceToDue(offsetKey: string, version: number, extraMs = 60_000) {
  const [j] = await h.db
    .select()
    .from(reminderJobs)
    .where(sql`${reminderJobs.offsetKey} = ${offsetKey} AND ${reminderJobs.version} = ${version}`);
  setClockOffset(j!.dueAt.getTime() - Date.now() + extraMs);
}

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@r.example", ["admin"]);
  treasurer = await principal(h.db, "t@r.example", ["treasurer"]);
  lawyer = await verifiedLawyer(h.db, "l@r.example", admin);
  other = await verifiedLawyer(h.db, "o@r.example", admin);
  campaignId = await insertCampaign(h.db, { lawyerUserId: lawyer.userId, status: "bond_posted" });
});
afterEach(() => setClockOffset(0));
afterAll(async () => h?.close());

describe("bad input: a clear message, nothing written or sent", () => {
  it.each([
    ["a past date", hearing({ date: plusDays(-1) }), "date", /already passed/],
    ["an unknown time zone", hearing({ timeZone: "Mars/Olympus" }), "timeZone", /not a known IANA time zone/],
    ["a date that does not exist", hearing({ date: "2031-02-30" }), "date", /not a real calendar date/],
  ])("refuses %s", async (_n, input, field, message) => {
    const err = await createAppointment(h.db, lawyer, campaignId, input).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "validation" });
    expect((err as { details: { fieldErrors: Record<string, string> } }).details.fieldErrors[field]).toMatch(message);
    expect(await h.db.select().from(appointments)).toHaveLength(0);
  });

  it("refuses a phone that is not valid once normalised, and a registration without consent", async () => {
    await expect(
      saveRegistration(h.db, lawyer, campaignId, registration({ phone: "+1 555 12" })),
    ).rejects.toMatchObject({
      details: { fieldErrors: { phone: expect.stringMatching(/not a valid phone number/) } },
    });
    await expect(
      saveRegistration(h.db, lawyer, campaignId, registration({ consent: undefined })),
    ).rejects.toMatchObject({
      details: { fieldErrors: { consent: expect.stringMatching(/recorded consent/) } },
    });
    const n = rowsOf<{ n: number }>(await h.db.execute(sql`SELECT count(*)::int AS n FROM reminder_registrations`));
    expect(n[0]!.n).toBe(0);
  });

  it("refuses another lawyer, and logs the refusal", async () => {
    await expect(createAppointment(h.db, other, campaignId, hearing())).rejects.toMatchObject({ code: "forbidden" });
    const refused = await h.db.select().from(auditLog).where(eq(auditLog.action, "appointments.access_refused"));
    expect(refused.length).toBeGreaterThan(0);
  });
});

describe("a hearing with reminders in Spanish", () => {
  let apptId: string;

  it("schedules nothing without a registration, then four reminders once the person consents", async () => {
    apptId = (await createAppointment(h.db, lawyer, campaignId, hearing())).appointmentId;
    expect(await h.db.select().from(reminderJobs)).toHaveLength(0);
    const { warnings } = await saveRegistration(h.db, lawyer, campaignId, registration());
    expect(warnings).toEqual([]);
    const jobs = await h.db.select().from(reminderJobs);
    expect(jobs.map((j) => j.offsetKey).sort()).toEqual(["14d", "1d", "3d", "morning"]);
    expect(jobs.every((j) => j.status === "pending")).toBe(true);
  });

  it("sends each reminder once, at its time, in Spanish, without the case details", async () => {
    expect((await runReminderLoopOnce(h.db)).sent).toBe(0);
    await advanceToDue("14d", 1);
    expect((await runReminderLoopOnce(h.db)).sent).toBe(1);
    expect((await runReminderLoopOnce(h.db)).sent).toBe(0);
    const [m] = await outbox();
    expect(m!.to).toBe("+15045550142");
    expect(m!.body).toMatch(/^Recordatorio: su audiencia en la corte de inmigración es el .+ a las 9:00/);
    expect(m!.body).toContain("+12125550199");
    expect(m!.body).toContain("New Orleans Immigration Court");
  });

  it("a moved date sends a correction at once and cancels what is no longer true", async () => {
    await advanceToDue("14d", 1, 3_600_000);
    await moveAppointment(h.db, lawyer, apptId, { ...hearing(), date: plusDays(30), time: "13:30" });
    const s = await runReminderLoopOnce(h.db);
    expect(s.sent).toBe(1);
    const msgs = await outbox();
    expect(msgs.at(-1)!.body).toMatch(/^NUEVA FECHA: .* a las 13:30/);
    const jobs = await h.db.select().from(reminderJobs);
    expect(
      jobs
        .filter((j) => j.version === 1)
        .map((j) => `${j.offsetKey}:${j.status}`)
        .sort(),
    ).toEqual(["14d:sent", "1d:cancelled", "3d:cancelled", "morning:cancelled"]);
    expect(jobs.filter((j) => j.version === 2 && j.kind === "reminder" && j.status === "pending")).toHaveLength(4);
  });

  it("after downtime sends only the latest overdue reminder and marks the older missed", async () => {
    await advanceToDue("1d", 2, -3_600_000); // an hour before the 1-day reminder: 14d and 3d overdue
    const s = await runReminderLoopOnce(h.db);
    expect(s).toMatchObject({ sent: 1, missed: 1 });
    expect((await outbox()).at(-1)!.body).toMatch(/^Recordatorio/);
  });

  it("records a miss as urgent tasks for the lawyer and the treasury", async () => {
    await expect(recordAttendance(h.db, lawyer, apptId, { outcome: "missed" })).rejects.toThrow(
      /once the appointment has begun/,
    );
    advance(31);
    await runReminderLoopOnce(h.db);
    await recordAttendance(h.db, lawyer, apptId, { outcome: "missed" });
    const lt = await openTasks(h.db, lawyer, "lawyer");
    const tt = await openTasks(h.db, treasurer, "treasurer");
    expect(lt.map((t) => [t.kind, t.urgent])).toEqual([["missed_appointment", true]]);
    expect(tt.map((t) => t.kind)).toEqual(["missed_appointment"]);
    // Every job has ended: sent, cancelled, missed or skipped; none sent twice.
    const jobs = await h.db.select().from(reminderJobs);
    expect(jobs.filter((j) => j.status === "pending" || j.status === "sending")).toEqual([]);
    expect(new Set((await h.db.select().from(smsMessages)).map((m) => m.jobId)).size).toBe(
      jobs.filter((j) => j.status === "sent").length,
    );
  });

  it("an address change creates EOIR-33, AR-11 and (with a bond at ICE) I-333 tasks", async () => {
    const c2 = await insertCampaign(h.db, { lawyerUserId: lawyer.userId, status: "bond_posted" });
    const bondId = await insertBond(h.db, c2, 600_000);
    await h.db.execute(sql`UPDATE bonds SET status = 'posted' WHERE id = ${bondId}`);
    await recordAddressChange(h.db, lawyer, c2, {
      street: "12 Elm St",
      city: "Houston",
      state: "tx",
      zip: "77002",
      movedOn: "2026-11-25",
    });
    const tasks = await h.db.select().from(caseTasks).where(eq(caseTasks.campaignId, c2));
    const due = Object.fromEntries(tasks.map((t) => [t.kind, t.dueOn]));
    // Wed 25 Nov 2026: Thanksgiving (26th) and the weekend do not count.
    expect(due).toEqual({ eoir33: "2026-12-03", ar11: "2026-12-05", i333: "2026-12-05" });
  });
});
