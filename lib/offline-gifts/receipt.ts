/**
 * The receipt for an offline gift, through the one receipt template and the mail outbox, queued in
 * the transaction that records the gift. No email given: no receipt (the treasurer hands one over).
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, offlineGifts, type OfflineMethod } from "@/db/schema";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { buildReceipt, type ReceiptText } from "@/lib/mail/receipt";
import { zonedInstant } from "@/lib/notices/zoned-time";
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

/** The receipt's text for an offline gift: the mail's body and, in self-service, its PDF. */
function offlineReceiptText(g: Omit<OfflineReceiptGift, "id" | "email">): ReceiptText {
  const e = env();
  return buildReceipt({
    ...fundIdentity(e),
    locale: g.locale,
    amountCents: g.amountCents,
    campaignAlias: g.campaignAlias,
    method: g.method,
    date: zonedInstant(g.receivedOn, "12:00", e.FUND_TIME_ZONE),
    frequency: "one_off",
  });
}

/** The receipt of a recorded, not reversed offline gift with its donor's email; null otherwise. */
export async function offlineGiftReceipt(db: Db, id: string): Promise<(ReceiptText & { email: string }) | null> {
  const [row] = await db
    .select({ g: offlineGifts, alias: campaigns.alias })
    .from(offlineGifts)
    .leftJoin(campaigns, eq(campaigns.id, offlineGifts.campaignId))
    .where(and(eq(offlineGifts.id, id), isNull(offlineGifts.reversedAt)));
  if (!row?.g.email) return null;
  return { ...offlineReceiptText({ ...row.g, campaignAlias: row.alias }), email: row.g.email };
}

export async function queueOfflineReceipt(tx: Db, g: OfflineReceiptGift): Promise<void> {
  if (!g.email) return;
  const receipt = offlineReceiptText(g);
  await enqueueMail(tx, {
    dedupeKey: `receipt:offline:${g.id}`,
    kind: "receipt",
    to: g.email,
    subject: receipt.subject,
    text: receipt.text,
  });
}
