/**
 * The receipt for an offline gift, through the one receipt template and the mail outbox, queued in
 * the transaction that records the gift. No email given: no receipt (the treasurer hands one over).
 */
import type { Db } from "@/db/client";
import type { OfflineMethod } from "@/db/schema";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { buildReceipt } from "@/lib/mail/receipt";
import { fundIdentity } from "@/lib/receipts/fund";

export interface OfflineReceiptGift {
  id: string;
  method: OfflineMethod;
  email: string;
  amountCents: number;
  receivedOn: string;
  campaignAlias: string | null;
  locale: string;
}

export async function queueOfflineReceipt(tx: Db, g: OfflineReceiptGift): Promise<void> {
  if (!g.email) return;
  const e = env();
  const receipt = buildReceipt({
    ...fundIdentity(e),
    locale: g.locale,
    amountCents: g.amountCents,
    campaignAlias: g.campaignAlias,
    method: g.method,
    date: new Date(`${g.receivedOn}T12:00:00Z`),
    frequency: "one_off",
  });
  await enqueueMail(tx, {
    dedupeKey: `receipt:offline:${g.id}`,
    kind: "receipt",
    to: g.email,
    subject: receipt.subject,
    text: receipt.text,
  });
}
