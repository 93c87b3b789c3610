/**
 * What Twilio tells us after a send: delivery status (status callback) and replies (inbound
 * webhook). Both arrive signed; the routes check the signature before calling these. A STOP is
 * honoured for every registration with that number and recorded; numbers are matched by keyed
 * hash and never stored or logged in the clear.
 */
import { eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { reminderJobs, reminderRegistrations, smsInbound } from "@/db/schema";
import { phoneHash } from "@/lib/appointments/access";
import { audit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { syncReminderJobs } from "@/lib/reminders/sync";

/** Later states win; a late "sent" never overwrites "delivered". */
const RANK: Record<string, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  read: 5,
  canceled: 4,
};

const statusSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-f]{32}$/i, "MessageSid must look like SM…"),
  MessageStatus: z.enum(Object.keys(RANK) as [string, ...string[]]),
  ErrorCode: z.string().max(10).optional(),
});

export async function recordDeliveryStatus(
  db: Db,
  jobId: string | null,
  params: Record<string, string>,
): Promise<boolean> {
  const p = statusSchema.safeParse(params);
  if (!p.success) throw new AppError("validation", "Not a Twilio message status callback.");
  const { MessageSid: sid, MessageStatus: status } = p.data;
  const uuid = jobId && /^[0-9a-f-]{36}$/i.test(jobId) ? jobId : null;
  const rank = RANK[status]!;
  const cases = Object.entries(RANK)
    .map(([k, v]) => `WHEN '${k}' THEN ${v}`)
    .join(" ");
  // One statement: the sid is adopted only by the job the callback names (or the one that already has it).
  const rows = await db
    .update(reminderJobs)
    .set({
      providerSid: sql`coalesce(${reminderJobs.providerSid}, ${sid})`,
      deliveryStatus: status,
      lastError: p.data.ErrorCode ? `twilio error ${p.data.ErrorCode}` : reminderJobs.lastError,
      updatedAt: new Date(),
    })
    .where(
      sql`(${uuid ? sql`${reminderJobs.id} = ${uuid} AND (${reminderJobs.providerSid} IS NULL OR ${reminderJobs.providerSid} = ${sid})` : sql`${reminderJobs.providerSid} = ${sid}`})
          AND coalesce(CASE ${reminderJobs.deliveryStatus} ${sql.raw(cases)} END, -1) <= ${rank}`,
    )
    .returning({ id: reminderJobs.id });
  return rows.length > 0;
}

const inboundSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-f]{32}$/i, "MessageSid must look like SM…"),
  From: z.string().regex(/^\+[1-9]\d{6,14}$/, "From must be an E.164 number"),
  Body: z.string().max(1600).default(""),
});

const STOP = new Set([
  "stop",
  "stopall",
  "unsubscribe",
  "cancel",
  "end",
  "quit",
  "revoke",
  "optout",
  "alto",
  "parar",
  "стоп",
]);
const START = new Set(["start", "unstop", "yes"]);

function keywordOf(body: string): "stop" | "start" | null {
  const word = body
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, "");
  if (STOP.has(word)) return "stop";
  if (START.has(word)) return "start";
  return null;
}

/** Record a reply; a STOP stops every SMS to that number (person or family contact) and cancels what was pending. */
export async function handleInboundSms(
  db: Db,
  params: Record<string, string>,
): Promise<{ keyword: string | null; matched: number }> {
  const p = inboundSchema.safeParse(params);
  if (!p.success) throw new AppError("validation", "Not a Twilio inbound message.");
  const keyword = keywordOf(p.data.Body);
  if (!keyword) return { keyword: null, matched: 0 };
  const hash = phoneHash(p.data.From);
  return db.transaction(async (tx) => {
    const fresh = await tx
      .insert(smsInbound)
      .values({ providerSid: p.data.MessageSid, keyword, phoneHash: hash })
      .onConflictDoNothing({ target: smsInbound.providerSid })
      .returning({ id: smsInbound.id });
    if (!fresh.length) return { keyword, matched: 0 }; // a retried webhook
    const regs = await tx
      .select({
        campaignId: reminderRegistrations.campaignId,
        phoneHash: reminderRegistrations.phoneHash,
        familyPhoneHash: reminderRegistrations.familyPhoneHash,
      })
      .from(reminderRegistrations)
      .where(or(eq(reminderRegistrations.phoneHash, hash), eq(reminderRegistrations.familyPhoneHash, hash)));
    const at = keyword === "stop" ? new Date() : null;
    for (const r of regs) {
      await tx
        .update(reminderRegistrations)
        .set({
          ...(r.phoneHash === hash ? { smsStoppedAt: at } : {}),
          ...(r.familyPhoneHash === hash ? { familySmsStoppedAt: at } : {}),
          updatedAt: new Date(),
        })
        .where(eq(reminderRegistrations.campaignId, r.campaignId));
      await audit(tx, {
        actorUserId: null,
        action: keyword === "stop" ? "reminder_registration.sms_stopped" : "reminder_registration.sms_restarted",
        subjectType: "campaign",
        subjectId: r.campaignId,
        details: { who: r.phoneHash === hash ? "person" : "family" },
      });
      await syncReminderJobs(tx, r.campaignId, now());
    }
    await tx.update(smsInbound).set({ matched: regs.length }).where(eq(smsInbound.id, fresh[0]!.id));
    return { keyword, matched: regs.length };
  });
}
