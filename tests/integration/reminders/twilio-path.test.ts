/** The Twilio path end to end against tests/helpers/fake-twilio.ts: the official SDK, signed callbacks, STOP, outages, a crash. */
import http from "node:http";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { reminderJobs, reminderRegistrations, smsInbound, smsMessages } from "@/db/schema";
import { createAppointment } from "@/lib/appointments/appointments";
import { saveRegistration } from "@/lib/appointments/registration";
import type { Principal } from "@/lib/auth/roles";
import { setClockOffset } from "@/lib/clock";
import { runReminderLoopOnce } from "@/lib/reminders/worker";
import { FakeTwilio } from "../../helpers/fake-twilio";
import { insertCampaign } from "../../fixtures/campaigns";
import { principal, verifiedLawyer } from "../../fixtures/people";
import { createTestDb } from "../../helpers/test-db";

const cfg = vi.hoisted(() => {
  const c = {
    sid: "AC" + "0123456789abcdef".repeat(2),
    token: "test-auth-token-0123456789",
    fakePort: 4203,
    appPort: 4204,
  };
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: c.sid,
    TWILIO_AUTH_TOKEN: c.token,
    TWILIO_FROM: "+15005550006",
    TWILIO_API_BASE: `http://127.0.0.1:${c.fakePort}`,
    APP_URL: `http://127.0.0.1:${c.appPort}`,
  });
  return c;
});

let h: DbHandle;
let lawyer: Principal;
let campaignId: string;
let app: http.Server;
const fake = new FakeTwilio({ accountSid: cfg.sid, authToken: cfg.token, port: cfg.fakePort });
const APP = `http://127.0.0.1:${cfg.appPort}`;
const PHONE = "+15045550177";

/** A tiny HTTP front for the two route handlers, so the fake's callbacks arrive as real requests. */
async function startApp(db: DbHandle) {
  vi.doMock("@/db", () => ({ getDb: async () => db.db }));
  const status = await import("@/app/api/twilio/status/route");
  const inbound = await import("@/app/api/twilio/inbound/route");
  app = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const handler = req.url?.startsWith("/api/twilio/status")
      ? status.POST
      : req.url?.startsWith("/api/twilio/inbound")
        ? inbound.POST
        : null;
    if (!handler) return void res.writeHead(404).end();
    const r = await handler(
      new Request(`${APP}${req.url}`, {
        method: "POST",
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      }),
    );
    res.writeHead(r.status, Object.fromEntries(r.headers));
    res.end(Buffer.from(await r.arrayBuffer()));
  });
  await new Promise<void>((r) => app.listen(cfg.appPort, "127.0.0.1", r));
}

async function dueJob(offsetKey: string) {
  const [j] = await h.db.select().from(reminderJobs).where(eq(reminderJobs.offsetKey, offsetKey));
  return j!;
}
const toDue = async (offsetKey: string, extra = 60_000) =>
  setClockOffset((await dueJob(offsetKey)).dueAt.getTime() - Date.now() + extra);

beforeAll(async () => {
  h = await createTestDb();
  await fake.start();
  await startApp(h);
  const admin = await principal(h.db, "a@tw.example", ["admin"]);
  lawyer = await verifiedLawyer(h.db, "l@tw.example", admin);
  campaignId = await insertCampaign(h.db, { lawyerUserId: lawyer.userId, status: "bond_posted" });
  await saveRegistration(h.db, lawyer, campaignId, {
    phone: PHONE,
    language: "ru",
    channel: "sms",
    consent: true,
    consentDate: "2026-11-30",
    lawyerPhone: "+12125550199",
  });
  await createAppointment(h.db, lawyer, campaignId, {
    kind: "ice_checkin",
    date: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    time: "10:15",
    timeZone: "America/New_York",
    place: "ICE ERO, 26 Federal Plaza, New York",
  });
});
afterEach(() => setClockOffset(0));
afterAll(async () => {
  await fake.stop();
  await new Promise((r) => app?.close(r));
  await h?.close();
});

describe("SMS through the Twilio SDK", () => {
  it("sends the Russian reminder once and stores the signed delivery status", async () => {
    await toDue("14d");
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ sent: 1 });
    expect(fake.messages).toHaveLength(1);
    const m = fake.messages[0]!;
    expect(m).toMatchObject({ to: PHONE, from: "+15005550006" });
    expect(m.body).toMatch(/^Напоминание: явка в ICE — .+ в 10:15/);
    expect(m.statusCallback).toMatch(new RegExp(`^${APP}/api/twilio/status\\?job=`));
    await fake.settle();
    expect(fake.callbackResults.every((c) => c.status === 204)).toBe(true);
    const j = await dueJob("14d");
    expect(j).toMatchObject({ status: "sent", providerSid: m.sid, deliveryStatus: "delivered" });
  });

  it("refuses a forged status callback with 403 and writes nothing", async () => {
    const j = await dueJob("14d");
    const status = await fake.post(
      `${APP}/api/twilio/status?job=${j.id}`,
      { MessageSid: "SM" + "f".repeat(32), MessageStatus: "failed", ErrorCode: "30007" },
      "not-the-token",
    );
    expect(status).toBe(403);
    const unsigned = await fetch(`${APP}/api/twilio/status?job=${j.id}`, {
      method: "POST",
      body: "MessageStatus=failed",
    });
    expect(unsigned.status).toBe(403);
    expect(await dueJob("14d")).toMatchObject({
      deliveryStatus: "delivered",
      providerSid: j.providerSid,
      lastError: null,
    });
  });

  it("retries with backoff through a Twilio outage", async () => {
    fake.failNext = 1;
    await toDue("3d");
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ retried: 1, sent: 0 });
    const j = await dueJob("3d");
    expect(j).toMatchObject({ status: "pending", attempts: 1, lastError: "twilio 500 20500" });
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ claimed: 0 }); // not before the backoff
    setClockOffset(j.nextAttemptAt.getTime() - Date.now() + 1000);
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ sent: 1 });
    expect(fake.messages).toHaveLength(2);
  });

  it("after a crash between Twilio's answer and the mark, finds the message instead of sending it again", async () => {
    await toDue("1d");
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ sent: 1 });
    await fake.settle();
    const j = await dueJob("1d");
    // Put the row back as a killed process leaves it: claimed, lease running, nothing recorded.
    await h.db.delete(smsMessages).where(eq(smsMessages.jobId, j.id));
    await h.db
      .update(reminderJobs)
      .set({
        status: "sending",
        sentAt: null,
        providerSid: null,
        deliveryStatus: null,
        claimedAt: new Date(Date.now() + 86_400_000 * 19),
        leaseUntil: new Date(j.dueAt.getTime() + 120_000),
      })
      .where(eq(reminderJobs.id, j.id));
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ claimed: 0 }); // lease still held
    setClockOffset(j.dueAt.getTime() - Date.now() + 10 * 60_000);
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ sent: 1 });
    expect(fake.messages).toHaveLength(3);
    expect(await dueJob("1d")).toMatchObject({ status: "sent", providerSid: fake.messages[2]!.sid });
  });

  it("honours and records STOP; a forged inbound message changes nothing", async () => {
    expect(await fake.inbound(APP, PHONE, "STOP", "wrong-token")).toBe(403);
    expect(await h.db.select().from(smsInbound)).toHaveLength(0);
    expect(await fake.inbound(APP, PHONE, "Stop")).toBe(200);
    const [reg] = await h.db.select().from(reminderRegistrations);
    expect(reg!.smsStoppedAt).not.toBeNull();
    expect(await h.db.select().from(smsInbound)).toMatchObject([{ keyword: "stop", matched: 1 }]);
    expect(await dueJob("morning")).toMatchObject({ status: "cancelled" });
    await toDue("morning");
    expect(await runReminderLoopOnce(h.db)).toMatchObject({ sent: 0 });
    expect(fake.messages).toHaveLength(3);
    // Stored encrypted: the number appears in no column in the clear.
    const clear = rowsOf<{ n: number }>(
      await h.db.execute(sql`SELECT count(*)::int AS n FROM sms_messages m JOIN reminder_registrations r ON true
                              WHERE m.envelope LIKE ${"%" + PHONE.slice(1) + "%"} OR r.envelope LIKE ${"%" + PHONE.slice(1) + "%"}`),
    );
    expect(Number(clear[0]!.n)).toBe(0);
  });
});
