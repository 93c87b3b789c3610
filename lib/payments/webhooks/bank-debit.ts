/**
 * Bank debits (ACH) between submission and settlement. Nothing is booked while
 * a debit is processing: the gift enters the ledger only when Stripe says the
 * payment succeeded (sync-payment-intent.ts), so a failure days later has no
 * entry to reverse. These only keep the donation row telling the truth.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, donations } from "@/db/schema";
import { appUrl } from "@/lib/app-origin";
import { env } from "@/lib/env";
import { buildBankFailedMail } from "@/lib/mail/bank-failed";
import { enqueueMail } from "@/lib/mail/outbox";

/** Checkout completed unpaid: the donor submitted the debit. First time wins, so redeliveries keep the date. */
export async function markBankSubmitted(tx: Db, donationId: string, at: Date): Promise<void> {
  await tx
    .update(donations)
    .set({ bankSubmittedAt: at, paymentMethod: "us_bank_account" })
    .where(and(eq(donations.id, donationId), isNull(donations.bankSubmittedAt)));
}

/**
 * The debit failed: a pending gift becomes failed and its donor is mailed once
 * (the outbox's dedupe key). Only a pending row moves, so a late or replayed
 * failure never touches a gift that succeeded.
 */
export async function failBankGift(tx: Db, donationId: string, paymentIntentId: string, at: Date): Promise<void> {
  const [row] = await tx
    .update(donations)
    .set({ status: "failed", paymentIntentId, bankFailedAt: at })
    .where(and(eq(donations.id, donationId), eq(donations.status, "pending")))
    .returning();
  if (!row?.email || row.paymentMethod !== "us_bank_account") return;
  const [c] = await tx
    .select({ alias: campaigns.alias, slug: campaigns.slug })
    .from(campaigns)
    .where(eq(campaigns.id, row.campaignId));
  if (!c) return;
  const e = env();
  const mail = buildBankFailedMail({
    locale: row.locale,
    fundName: e.FUND_NAME,
    amountCents: row.amountCents - row.coverFeeCents,
    campaignAlias: c.alias,
    retryUrl: appUrl(`${row.locale === "en" ? "" : `/${row.locale}`}/campaigns/${c.slug}`, e),
  });
  await enqueueMail(tx, { dedupeKey: `bank_failed:${row.id}`, kind: "bank_failed", to: row.email, ...mail });
}
