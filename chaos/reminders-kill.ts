/**
 * kill -9 during reminder sending. Two `next start` instances share one PostgreSQL database and
 * both run the reminder loop against a fake Twilio (tests/helpers/fake-twilio.ts, served from
 * this process, answering each create after a delay so kills land mid-send). A killer SIGKILLs
 * one instance or the other while sends are in flight and restarts it. At the end every due
 * reminder must have been sent exactly once: one message at "Twilio" per sent job, none for any
 * other job, and exactly one per appointment × recipient (older overdue ones are marked missed).
 *
 * Env: CHAOS_KILLS (default 4), CHAOS_REMINDERS (appointments, default 30), CHAOS_SEED,
 * CHAOS_REMINDER_PORTS (first of three ports, default 4210).
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDb, rowsOf } from "@/db/client";
import { createBenchDatabase } from "../bench/bench-db";
import { insertCampaign } from "../tests/fixtures/campaigns";
import { FakeTwilio } from "../tests/helpers/fake-twilio";
import { seeded } from "../tests/helpers/ingest-world";
import { startNextServer, type NextServer } from "../tests/helpers/next-server";
import { runChaosTest, type ChaosContext } from "./_harness";

const int = (name: string, fallback: number) => {
  const v = process.env[name] ? Number(process.env[name]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a non-negative integer`);
  return v;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MIN = 60_000;

async function remindersKill(ctx: ChaosContext): Promise<string> {
  const kills = int("CHAOS_KILLS", 4);
  const count = int("CHAOS_REMINDERS", 30);
  const [twilioPort, portA, portB] = [0, 1, 2].map((i) => int("CHAOS_REMINDER_PORTS", 4210) + i) as [
    number,
    number,
    number,
  ];
  const random = seeded(int("CHAOS_SEED", Date.now() % 1_000_000));
  const sid = "AC" + randomBytes(16).toString("hex");
  const token = randomBytes(16).toString("hex");
  const database = await createBenchDatabase(ctx.serverUrl);
  ctx.defer(() => database.drop());
  // Both instances and this process must share keys: the jobs are encrypted here and read there.
  const shared: Record<string, string> = {
    APP_ENV: "test",
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: "4",
    SEED_DEMO: "false",
    AUTH_SECRET: randomBytes(32).toString("hex"),
    CASE_FILE_KEYS: `k1:${randomBytes(32).toString("base64")}`,
    A_NUMBER_HMAC_KEY: randomBytes(32).toString("base64"),
    // Two reminders, 49 and 48 hours before; the appointments are 47.5 hours ahead, so both are due.
    REMINDER_SCHEDULE: "49h,48h",
    REMINDER_LOOP_SECONDS: "0.5",
    REMINDER_LEASE_SECONDS: "3",
    TWILIO_ACCOUNT_SID: sid,
    TWILIO_AUTH_TOKEN: token,
    TWILIO_FROM: "+15005550006",
    TWILIO_API_BASE: `http://127.0.0.1:${twilioPort}`,
    APP_URL: `http://127.0.0.1:${portA}`,
    LOG_LEVEL: "warn",
  };
  Object.assign(process.env, shared);
  const fake = new FakeTwilio({ accountSid: sid, authToken: token, port: twilioPort, createDelayMs: 120 });
  await fake.start();
  ctx.defer(() => fake.stop());

  const handle = await openDb({ url: database.url, poolMax: 4 });
  ctx.defer(() => handle.close());
  const { principal, verifiedLawyer } = await import("../tests/fixtures/people");
  const { saveRegistration } = await import("@/lib/appointments/registration");
  const { createAppointment } = await import("@/lib/appointments/appointments");
  const { setClockOffset } = await import("@/lib/clock");
  const { localDate, localParts } = await import("@/lib/appointments/zoned-time");
  const admin = await principal(handle.db, "admin@chaos.example", ["admin"]);
  const lawyer = await verifiedLawyer(handle.db, "lawyer@chaos.example", admin);
  // Plan as if two hours ago, so the reminders are pending when planned and due when the instances look.
  setClockOffset(-125 * MIN);
  const start = new Date(Date.now() + 47 * 60 * MIN + 30 * MIN);
  const tz = "America/Chicago";
  const l = localParts(start, tz);
  const when = {
    date: localDate(start, tz),
    time: `${String(l.hour).padStart(2, "0")}:${String(l.minute).padStart(2, "0")}`,
    timeZone: tz,
  };
  for (let i = 0; i < count; i++) {
    const campaignId = await insertCampaign(handle.db, {
      lawyerUserId: lawyer.userId,
      status: "bond_posted",
      alias: `Chaos ${i}`,
    });
    const n = String(i).padStart(2, "0");
    await saveRegistration(handle.db, lawyer, campaignId, {
      phone: `+1504555${(100 + i).toString().padStart(4, "0")}`,
      familyPhone: `+1212555${(100 + i).toString().padStart(4, "0")}`,
      language: ["en", "es", "ru"][i % 3]!,
      channel: "sms",
      consent: true,
      consentDate: "2026-11-01",
      lawyerPhone: "+12125550199",
    });
    await createAppointment(handle.db, lawyer, campaignId, { kind: "ice_checkin", ...when, place: `Office ${n}` });
  }
  setClockOffset(0);
  const jobs = async () =>
    rowsOf<{ id: string; appointment_id: string; recipient: string; status: string }>(
      await handle.db.execute(sql`SELECT id, appointment_id, recipient, status FROM reminder_jobs`),
    );
  const planned = await jobs();
  if (planned.length !== count * 4 || planned.some((j) => j.status !== "pending")) {
    throw new Error(`expected ${count * 4} pending jobs, found ${planned.length}`);
  }

  const servers: Record<"a" | "b", NextServer> = {
    a: await startNextServer({ repoRoot: ctx.repoRoot, port: portA, env: shared }),
    b: await startNextServer({ repoRoot: ctx.repoRoot, port: portB, env: shared }),
  };
  ctx.defer(() => servers.a.kill9());
  ctx.defer(() => servers.b.kill9());
  const open = async () => (await jobs()).filter((j) => j.status === "pending" || j.status === "sending").length;

  let killed = 0;
  let midSend = 0;
  const deadline = Date.now() + 120_000;
  while ((await open()) > 0) {
    if (Date.now() > deadline)
      throw new Error(`reminders still open after 120 s:\n${servers.a.tail()}\n${servers.b.tail()}`);
    if (killed < kills) {
      // Wait a random while, then for a send in flight, and kill one instance or the other.
      await sleep(200 + Math.floor(random() * 800));
      for (let t = 0; t < 400 && fake.inFlightCreates === 0; t++) await sleep(5);
      if (fake.inFlightCreates > 0) midSend++;
      const victim = random() < 0.5 ? "a" : "b";
      await servers[victim].kill9();
      killed++;
      servers[victim] = await startNextServer({
        repoRoot: ctx.repoRoot,
        port: victim === "a" ? portA : portB,
        env: shared,
      });
    } else await sleep(250);
  }
  await fake.settle();

  const final = await jobs();
  const sent = final.filter((j) => j.status === "sent");
  const perJob = new Map<string, number>();
  for (const m of fake.messages) {
    const id = /[?&]job=([0-9a-f-]{36})/.exec(m.statusCallback ?? "")?.[1] ?? "?";
    perJob.set(id, (perJob.get(id) ?? 0) + 1);
  }
  const twice = [...perJob].filter(([, n]) => n > 1);
  if (twice.length) throw new Error(`${twice.length} reminder(s) sent more than once: ${twice.slice(0, 3).join(" ")}`);
  const strays = [...perJob.keys()].filter((id) => !sent.some((j) => j.id === id));
  if (strays.length) throw new Error(`${strays.length} message(s) for jobs not marked sent`);
  const unsentButMarked = sent.filter((j) => !perJob.has(j.id));
  if (unsentButMarked.length)
    throw new Error(`${unsentButMarked.length} job(s) marked sent that Twilio never received`);
  const perTarget = new Map<string, number>();
  for (const j of sent)
    perTarget.set(`${j.appointment_id}:${j.recipient}`, (perTarget.get(`${j.appointment_id}:${j.recipient}`) ?? 0) + 1);
  if (perTarget.size !== count * 2 || [...perTarget.values()].some((n) => n !== 1)) {
    throw new Error(
      `expected exactly one reminder per appointment and recipient (${count * 2}), got ${perTarget.size} targets`,
    );
  }
  const [{ n: recorded }] = rowsOf<{ n: number }>(
    await handle.db.execute(sql`SELECT count(*)::int AS n FROM sms_messages`),
  ) as [{ n: number }];
  if (Number(recorded) !== sent.length)
    throw new Error(`sms_messages has ${recorded} rows for ${sent.length} sent jobs`);
  const missed = final.filter((j) => j.status === "missed").length;
  return `${sent.length} reminders sent exactly once (${missed} older overdue ones marked missed) across 2 instances, ${killed} kill -9 (${midSend} with sends in flight)`;
}

runChaosTest("reminders: two instances, kill -9 during sending", remindersKill);
