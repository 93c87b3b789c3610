/**
 * Mail is written to the outbox in the same transaction as the money it
 * reports, and sent afterwards (lib/mail/send-pending.ts), so a slow or broken
 * SMTP server never blocks or breaks webhook processing.
 */
import { outboxMessages } from "@/db/schema";
import type { Db } from "@/db/client";

export interface OutgoingMail {
  /** Makes the message happen at most once, e.g. `receipt:<donationId>`. */
  dedupeKey: string;
  kind: "receipt" | "sign_in" | "recurring_cancelled" | "notice" | "bank_failed" | "statement" | "donor_link";
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A PDF rebuilt from the books when the mail is sent: `receipt:<donationId>` or `statement:<year>`. */
  attachment?: `receipt:${string}` | `statement:${number}`;
}

/** Queue a message; a second call with the same dedupeKey does nothing. Returns true if queued now. */
export async function enqueueMail(db: Db, mail: OutgoingMail): Promise<boolean> {
  const rows = await db
    .insert(outboxMessages)
    .values({
      dedupeKey: mail.dedupeKey,
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      attachment: mail.attachment ?? null,
    })
    .onConflictDoNothing({ target: outboxMessages.dedupeKey })
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}
