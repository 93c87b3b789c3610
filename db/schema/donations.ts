import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { wallNameColumns } from "./columns";

export const donationFrequency = pgEnum("donation_frequency", ["one_off", "monthly"]);

export const donationStatus = pgEnum("donation_status", [
  "pending",
  "succeeded",
  "failed",
  "expired",
  "partially_refunded",
  "refunded",
  "disputed",
]);

/** One gift. Amounts shown publicly come from the ledger; this row holds the donor's choices. */
export const donations = pgTable(
  "donations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    ...wallNameColumns(),
    /** Receipt address. Never shown publicly. */
    email: text("email"),
    /** Donor agreed that the gift may go to the general pool if the campaign's purpose fails. */
    redirectConsent: boolean("redirect_consent").notNull().default(false),
    status: donationStatus("status").notNull().default("pending"),
    frequency: donationFrequency("frequency").notNull().default("one_off"),
    /** Part of amountCents the donor added to cover the processing fee. */
    coverFeeCents: bigint("cover_fee_cents", { mode: "number" }).notNull().default(0),
    /** The real fee from Stripe's balance transaction, once known. */
    feeCents: bigint("fee_cents", { mode: "number" }),
    refundedCents: bigint("refunded_cents", { mode: "number" }).notNull().default(0),
    locale: text("locale").notNull().default("en"),
    recurringGiftId: uuid("recurring_gift_id").references(() => recurringGifts.id),
    checkoutSessionId: text("checkout_session_id").unique(),
    paymentIntentId: text("payment_intent_id").unique(),
    chargeId: text("charge_id").unique(),
    /** For monthly gifts: the invoice this payment settled (one donation per invoice). */
    invoiceId: text("invoice_id").unique(),
    succeededAt: timestamp("succeeded_at", { withTimezone: true }),
    /** How the donor paid (migration 0019): a bank debit is pending for days before it succeeds or fails. */
    paymentMethod: text("payment_method", { enum: ["card", "us_bank_account"] })
      .notNull()
      .default("card"),
    /** When Stripe accepted the donor's bank debit (Checkout completed, payment still processing). */
    bankSubmittedAt: timestamp("bank_submitted_at", { withTimezone: true }),
    /** When the bank debit failed (the donor was mailed once). */
    bankFailedAt: timestamp("bank_failed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("donations_amount_positive", sql`${t.amountCents} > 0`),
    check("donations_cover_fee_range", sql`${t.coverFeeCents} >= 0 AND ${t.coverFeeCents} < ${t.amountCents}`),
    check("donations_refunded_range", sql`${t.refundedCents} >= 0 AND ${t.refundedCents} <= ${t.amountCents}`),
    check("donations_fee_non_negative", sql`${t.feeCents} IS NULL OR ${t.feeCents} >= 0`),
    index("donations_campaign_idx").on(t.campaignId),
    check("donations_payment_method_known", sql`${t.paymentMethod} IN ('card', 'us_bank_account')`),
    check("donations_display_name_review_known", sql`${t.displayNameReview} IN ('pending', 'approved', 'rejected')`),
    index("donations_name_review_pending_idx")
      .on(t.campaignId)
      .where(sql`${t.displayName} IS NOT NULL AND ${t.displayNameReview} = 'pending'`),
    // The donor wall: a campaign's newest counted gifts without sorting them all (migration 0017).
    index("donations_wall_idx").on(t.campaignId, t.succeededAt.desc().nullsLast(), t.createdAt.desc()),
    // The wall's "a monthly gift's name, once approved, stays approved" probe (migration 0032).
    index("donations_approved_name_idx")
      .on(t.recurringGiftId, t.displayName)
      .where(sql`${t.displayNameReview} = 'approved'`),
  ],
);

/** Per campaign, its donations counted as donors (succeeded or partially refunded); kept by a database trigger (0017). */
export const campaignDonorCounts = pgTable("campaign_donor_counts", {
  campaignId: uuid("campaign_id")
    .primaryKey()
    .references(() => campaigns.id),
  donors: bigint("donors", { mode: "number" }).notNull(),
});

export const recurringGiftStatus = pgEnum("recurring_gift_status", ["pending", "active", "cancelled"]);

/** A monthly gift: one Stripe subscription; each paid invoice becomes a donation row. */
export const recurringGifts = pgTable(
  "recurring_gifts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    coverFeeCents: bigint("cover_fee_cents", { mode: "number" }).notNull().default(0),
    displayName: text("display_name"),
    email: text("email"),
    redirectConsent: boolean("redirect_consent").notNull().default(false),
    locale: text("locale").notNull().default("en"),
    status: recurringGiftStatus("status").notNull().default("pending"),
    checkoutSessionId: text("checkout_session_id").unique(),
    subscriptionId: text("subscription_id").unique(),
    /** sha256 of the secret in the receipt's cancel link; the secret itself is never stored. */
    cancelTokenHash: text("cancel_token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [check("recurring_gifts_amount_positive", sql`${t.amountCents} > 0`)],
);
