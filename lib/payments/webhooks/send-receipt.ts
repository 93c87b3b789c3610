import { cancelTokenFor } from "@/lib/donations/checkout";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, donations } from "@/db/schema";
import { appUrl } from "@/lib/app-origin";
import { env } from "@/lib/env";
import { buildReceipt } from "@/lib/mail/receipt";
import { enqueueMail } from "@/lib/mail/outbox";

/**
 * Queue the receipt in the transaction that records the gift, so it is sent
 * once if and only if the gift is in the books.
 * The cancel link carries no token: only its hash is stored, and the raw
 * token exists only where createCheckout makes it.
 */
export async function queueReceipt(tx: Db, donationId: string): Promise<void> {
  const [row] = await tx
    .select({ d: donations, alias: campaigns.alias })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(eq(donations.id, donationId));
  const d = row?.d;
  const to = d?.email;
  if (!row || !d || !to) return;
  const e = env();
  const receipt = buildReceipt({
    locale: d.locale,
    fundName: e.FUND_NAME,
    amountCents: d.amountCents,
    campaignAlias: row.alias,
    date: d.succeededAt ?? d.createdAt,
    deductible: e.FUND_DEDUCTIBLE === "true",
    frequency: d.frequency,
    ...(d.recurringGiftId
      ? {
          cancelUrl: appUrl(`/give/cancel/${d.recurringGiftId}?token=${cancelTokenFor(d.recurringGiftId)}`, e),
        }
      : {}),
  });
  await enqueueMail(tx, {
    dedupeKey: `receipt:${d.id}`,
    kind: "receipt",
    to,
    subject: receipt.subject,
    text: receipt.text,
  });
}
