/** Email and the family contact, a cancelled appointment, withdrawn consent, and the audit trail. */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { appointmentVersions, auditLog, outboxMessages, reminderJobs, smsMessages } from "@/db/schema";
import { cancelAppointment, createAppointment } from "@/lib/appointments/appointments";
import { saveRegistration, withdrawConsent } from "@/lib/appointments/registration";
import { appointmentsPage } from "@/lib/appointments/view";
import type { Principal } from "@/lib/auth/roles";
import { setClockOffset } from "@/lib/clock";
import { runReminderLoopOnce } from "@/lib/reminders/worker";
import { insertCampaign } from "../../fixtures/campaigns";
import { principal, verifiedLawyer } from "../../fixtures/people";
import { createTestDb } from "../../helpers/test-db";

let h: DbHandle;
let lawyer: Principal, treasurer: Principal, admin: Principal;
let campaignId: string;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await createTestDb();
  admin = await principal(h.db, "a@ch.example", ["admin"]);
  treasurer = await principal(h.db, "t@ch.example", ["treasurer"]);
  lawyer = await verifiedLawyer(h.db, "l@ch.example", admin);
  campaignId = await insertCampaign(h.db, { lawyerUserId: lawyer.userId, status: "bond_posted" });
});
afterEach(() => setClockOffset(0));
afterAll(async () => h?.close());

describe("channels and recipients", () => {
  it("a treasurer may register by email and SMS with a family contact; a language without a file warns", async () => {
    const { warnings } = await saveRegistration(h.db, treasurer, campaignId, {
      phone: "+15045550190",
      email: "Person@Example.org",
      familyPhone: "+15045550191",
      language: "uk",
      channel: "both",
      consent: true,
      consentDate: "2026-11-20",
      lawyerPhone: "+12125550100",
    });
    expect(warnings).toEqual([expect.stringMatching(/reminders go out in English/)]);
    await createAppointment(h.db, lawyer, campaignId, {
      kind: "biometrics",
      date: inDays(5),
      time: "11:00",
      timeZone: "America/Phoenix",
      place: "USCIS ASC Phoenix",
    });
    const jobs = await h.db.select().from(reminderJobs);
    // 14d is already past (skipped); 3d, 1d and morning for person SMS + email and family SMS.
    expect(jobs.filter((j) => j.status === "pending")).toHaveLength(9);
    expect(jobs.filter((j) => j.status === "skipped")).toHaveLength(3);
  });

  it("sends the email once through the mail outbox, in English, without case details", async () => {
    const [j] = await h.db.select().from(reminderJobs).where(eq(reminderJobs.offsetKey, "3d"));
    setClockOffset(j!.dueAt.getTime() - Date.now() + 60_000);
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ sent: 3 });
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ sent: 0 });
    const mail = await h.db.select().from(outboxMessages);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ toAddress: "person@example.org", kind: "notice" });
    expect(mail[0]!.subject).toMatch(/^Your biometrics appointment on /);
    expect(mail[0]!.textBody).toMatch(/^Reminder: your biometrics appointment is on .+ at 11:00 AM MST/);
    expect(await h.db.select().from(smsMessages)).toHaveLength(2);
  });

  it("a cancelled appointment tells everyone at once and cancels its reminders", async () => {
    const page = await appointmentsPage(h.db, lawyer, campaignId);
    await cancelAppointment(h.db, lawyer, page.appointments[0]!.id);
    const s = await runReminderLoopOnce(h.db);
    expect(s.sent).toBe(3);
    const jobs = await h.db.select().from(reminderJobs);
    expect(jobs.filter((j) => j.kind === "cancellation" && j.status === "sent")).toHaveLength(3);
    expect(jobs.filter((j) => j.status === "pending")).toEqual([]);
  });

  it("withdrawn consent stops everything; every read and change is in the audit log", async () => {
    await createAppointment(h.db, lawyer, campaignId, {
      kind: "ice_checkin",
      date: inDays(40),
      time: "09:00",
      timeZone: "America/Phoenix",
      place: "ICE Phoenix",
    });
    expect((await h.db.select().from(reminderJobs)).filter((j) => j.status === "pending").length).toBeGreaterThan(0);
    await withdrawConsent(h.db, lawyer, campaignId);
    expect((await h.db.select().from(reminderJobs)).filter((j) => j.status === "pending")).toEqual([]);
    const actions = (await h.db.select().from(auditLog)).map((a) => a.action);
    for (const a of [
      "reminder_registration.written",
      "appointment.created",
      "appointment.cancelled",
      "appointments.read",
      "reminder_registration.consent_withdrawn",
    ])
      expect(actions).toContain(a);
    // Audit details hold ids and kinds only.
    const details = JSON.stringify((await h.db.select().from(auditLog)).map((a) => a.details));
    expect(details).not.toMatch(/5550190|example\.org|Phoenix/);
    await expect(appointmentsPage(h.db, admin, campaignId)).resolves.toBeDefined();
  });

  it("a job that cannot be read (a tampered envelope) is retried with backoff, not sent and not lost", async () => {
    const c2 = await insertCampaign(h.db, { lawyerUserId: lawyer.userId, status: "bond_posted" });
    await saveRegistration(h.db, lawyer, c2, {
      phone: "+15045550192",
      language: "es",
      channel: "sms",
      consent: true,
      consentDate: "2026-11-20",
      lawyerPhone: "+12125550100",
    });
    const { appointmentId } = await createAppointment(h.db, lawyer, c2, {
      kind: "atd",
      date: inDays(20),
      time: "10:00",
      timeZone: "America/Chicago",
      place: "ATD office",
    });
    const [other] = await h.db.select().from(appointmentVersions).where(eq(appointmentVersions.version, 1));
    await h.db
      .update(appointmentVersions)
      .set({ envelope: other!.envelope }) // another row's ciphertext: its associated data does not match
      .where(eq(appointmentVersions.appointmentId, appointmentId));
    const [j] = await h.db.select().from(reminderJobs).where(eq(reminderJobs.appointmentId, appointmentId));
    setClockOffset(j!.dueAt.getTime() - Date.now() + 60_000);
    const sms = (await h.db.select().from(smsMessages)).length;
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ sent: 0, retried: 1 });
    const [after] = await h.db.select().from(reminderJobs).where(eq(reminderJobs.id, j!.id));
    expect(after).toMatchObject({ status: "pending", attempts: 1, lastError: "internal error (decrypt_failed)" });
    expect(after!.nextAttemptAt.getTime()).toBeGreaterThan(after!.dueAt.getTime());
    expect(await h.db.select().from(smsMessages)).toHaveLength(sms);
  });
});
