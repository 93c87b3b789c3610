/**
 * Send what the outbox holds. Claims rows with SKIP LOCKED so several app
 * instances never send one message twice; a failure is recorded and retried
 * later, never thrown at the caller (mail must not break money processing).
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { renderAttachment } from "@/lib/receipts/attachments";
import { mailTransport } from "./transport";

const MAX_ATTEMPTS = 8;

export interface SendSummary {
  sent: number;
  failed: number;
  /** Without SMTP_URL messages are marked `outbox` and read at /dev/outbox. */
  keptInOutbox: number;
}

export async function sendPendingMail(db: Db, limit = 20): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, failed: 0, keptInOutbox: 0 };
  const transport = mailTransport();
  if (!transport) {
    const kept = rowsOf<{ id: string }>(
      await db.execute(sql`UPDATE outbox_messages SET status = 'outbox' WHERE status = 'pending' RETURNING id`),
    );
    summary.keptInOutbox = kept.length;
    return summary;
  }
  // Each message is tried at most once per call; a failed one waits for the next call.
  const candidates = rowsOf<{ id: string }>(
    await db.execute(
      sql`SELECT id FROM outbox_messages WHERE status = 'pending' AND attempts < ${MAX_ATTEMPTS} ORDER BY created_at LIMIT ${limit}`,
    ),
  );
  for (const { id } of candidates) {
    await db.transaction(async (tx) => {
      const [msg] = rowsOf<{
        id: string;
        to_address: string;
        subject: string;
        text_body: string;
        html_body: string | null;
        attachment: string | null;
        attempts: number;
      }>(
        await tx.execute(sql`
          SELECT id, to_address, subject, text_body, html_body, attachment, attempts FROM outbox_messages
           WHERE id = ${id} AND status = 'pending' FOR UPDATE SKIP LOCKED`),
      );
      if (!msg) return; // another instance took it
      try {
        const attachments = msg.attachment ? [await renderAttachment(tx, msg.attachment, msg.to_address)] : undefined;
        await transport.sendMail({
          from: env().MAIL_FROM,
          to: msg.to_address,
          subject: msg.subject,
          text: msg.text_body,
          html: msg.html_body ?? undefined,
          attachments,
        });
        await tx.execute(
          sql`UPDATE outbox_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = ${msg.id}`,
        );
        summary.sent++;
      } catch (e) {
        const reason = e instanceof Error ? e.message.slice(0, 300) : "unknown error";
        const final = msg.attempts + 1 >= MAX_ATTEMPTS;
        await tx.execute(sql`UPDATE outbox_messages SET attempts = attempts + 1, last_error = ${reason},
                               status = ${final ? "failed" : "pending"} WHERE id = ${msg.id}`);
        // The id only: the address and body are personal data.
        log.warn({ outboxId: msg.id, attempt: msg.attempts + 1 }, "mail send failed");
        summary.failed++;
      }
    });
  }
  return summary;
}
