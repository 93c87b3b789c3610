import type { Db } from "@/db/client";
import { enqueueMail } from "@/lib/mail/outbox";
import { giftReceipt } from "@/lib/receipts/gift-receipt";

/**
 * Queue the receipt in the transaction that records the gift, so it is sent
 * once if and only if the gift is in the books. The mail carries the receipt as a
 * PDF, rebuilt from the same row when the mail is sent (lib/receipts/attachments.ts).
 * The cancel link carries no stored token: it is derived from the server secret
 * (cancelTokenFor), and only its hash is in the database.
 */
export async function queueReceipt(tx: Db, donationId: string): Promise<void> {
  const receipt = await giftReceipt(tx, donationId, { withCancelLink: true });
  if (!receipt?.email) return;
  await enqueueMail(tx, {
    dedupeKey: `receipt:${receipt.donationId}`,
    kind: "receipt",
    to: receipt.email,
    subject: receipt.subject,
    text: receipt.text,
    attachment: `receipt:${receipt.donationId}`,
  });
}
