/**
 * Where an SMS goes: Twilio when TWILIO_* is set, otherwise the development SMS outbox (the
 * sms_messages table, read at /dev/outbox). Both are idempotent by the reminder job id, which is
 * what makes a send after a crash safe (see lib/reminders/worker.ts).
 */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reminderJobs, smsMessages } from "@/db/schema";
import { seal } from "@/lib/appointments/access";
import { usesTwilio } from "@/lib/env";
import { publicUrl, twilioClient, twilioSender } from "./twilio-client";

export interface SmsToSend {
  jobId: string;
  to: string;
  body: string;
  /** The job was claimed before and that claim's outcome is unknown (a crash or a lost answer). */
  recovering: boolean;
}

export interface SmsResult {
  transport: "outbox" | "twilio";
  sid: string | null;
  /** True when the message had already been handed over by an earlier claim. */
  alreadySent: boolean;
}

export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly providerCode?: number,
  ) {
    super(message);
    this.name = "SmsSendError";
  }
}

const smsAad = (jobId: string) => `sms:${jobId}`;

async function recorded(db: Db, jobId: string): Promise<string | null | undefined> {
  const [m] = await db.select({ sid: smsMessages.providerSid }).from(smsMessages).where(eq(smsMessages.jobId, jobId));
  return m ? m.sid : undefined;
}

async function record(db: Db, transport: "outbox" | "twilio", m: SmsToSend, sid: string | null): Promise<boolean> {
  const rows = await db
    .insert(smsMessages)
    .values({
      jobId: m.jobId,
      transport,
      envelope: seal({ to: m.to, body: m.body }, smsAad(m.jobId)),
      providerSid: sid,
    })
    .onConflictDoNothing({ target: smsMessages.jobId })
    .returning({ id: smsMessages.id });
  return rows.length > 0;
}

export const SMS_AAD = smsAad;

export async function sendSms(db: Db, m: SmsToSend): Promise<SmsResult> {
  if (!usesTwilio()) {
    const fresh = await record(db, "outbox", m, null);
    return { transport: "outbox", sid: null, alreadySent: !fresh };
  }
  const client = twilioClient()!;
  if (m.recovering) {
    const mine = await recorded(db, m.jobId);
    if (mine !== undefined) return { transport: "twilio", sid: mine, alreadySent: true };
    const [job] = await db
      .select({ sid: reminderJobs.providerSid })
      .from(reminderJobs)
      .where(eq(reminderJobs.id, m.jobId));
    // A status callback for this job proves Twilio accepted it.
    if (job?.sid) {
      await record(db, "twilio", m, job.sid);
      return { transport: "twilio", sid: job.sid, alreadySent: true };
    }
    // Reminders of one date share a text, so a match must also be a message no other job has recorded.
    const recent = (await client.messages.list({ to: m.to, limit: 50 })).filter((r) => r.body === m.body);
    const known = recent.length
      ? new Set(
          (
            await db
              .select({ sid: smsMessages.providerSid })
              .from(smsMessages)
              .where(
                inArray(
                  smsMessages.providerSid,
                  recent.map((r) => r.sid),
                ),
              )
          ).map((r) => r.sid),
        )
      : new Set<string | null>();
    const match = recent.find((r) => !known.has(r.sid));
    if (match) {
      await record(db, "twilio", m, match.sid);
      return { transport: "twilio", sid: match.sid, alreadySent: true };
    }
  }
  let sid: string;
  try {
    const msg = await client.messages.create({
      to: m.to,
      body: m.body,
      statusCallback: publicUrl(`/api/twilio/status?job=${m.jobId}`),
      ...twilioSender(),
    });
    sid = msg.sid;
  } catch (e) {
    const err = e as { status?: number; code?: number };
    // Twilio's own error codes: 21211 invalid number, 21610 replied STOP, 21614 not a mobile number.
    const permanent = err.code === 21211 || err.code === 21610 || err.code === 21614 || err.status === 400;
    throw new SmsSendError(`twilio ${err.status ?? "network"} ${err.code ?? ""}`.trim(), permanent, err.code);
  }
  await record(db, "twilio", m, sid);
  return { transport: "twilio", sid, alreadySent: false };
}
