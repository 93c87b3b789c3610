/** A gift's receipt, read from its donation row: the same content for the mail, its PDF and self-service. */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, donations } from "@/db/schema";
import { cancelTokenFor } from "@/lib/donations/checkout";
import { appUrl } from "@/lib/app-origin";
import { env } from "@/lib/env";
import { buildReceipt, type ReceiptText } from "@/lib/mail/receipt";
import { fundIdentity } from "./fund";

/** Statuses whose money reached the fund (a receipt exists for them). */
export const RECEIPTED_STATUSES = ["succeeded", "partially_refunded", "refunded", "disputed"] as const;

export interface GiftReceipt extends ReceiptText {
  donationId: string;
  email: string | null;
}

/** The receipt of a received gift, or null (no such gift, or not received). */
export async function giftReceipt(
  db: Db,
  donationId: string,
  opts: { withCancelLink?: boolean } = {},
): Promise<GiftReceipt | null> {
  const [row] = await db
    .select({ d: donations, alias: campaigns.alias })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(eq(donations.id, donationId));
  const d = row?.d;
  if (!row || !d || !(RECEIPTED_STATUSES as readonly string[]).includes(d.status)) return null;
  const e = env();
  const receipt = buildReceipt({
    ...fundIdentity(e),
    locale: d.locale,
    amountCents: d.amountCents,
    coverFeeCents: d.coverFeeCents,
    refundedCents: d.refundedCents,
    campaignAlias: row.alias,
    date: d.succeededAt ?? d.createdAt,
    frequency: d.frequency,
    method: d.paymentMethod === "us_bank_account" ? "bank" : "card",
    ...(opts.withCancelLink && d.recurringGiftId
      ? { cancelUrl: appUrl(`/give/cancel/${d.recurringGiftId}?token=${cancelTokenFor(d.recurringGiftId)}`, e) }
      : {}),
  });
  return { ...receipt, donationId: d.id, email: d.email };
}
