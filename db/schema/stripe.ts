import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { donations } from "./donations";

/**
 * A counter per Stripe payment, bumped by every webhook sync of it under the payment's lock: a sync
 * that read Stripe before taking the lock applies that read only if the counter has not moved since
 * (migration 0026).
 */
export const stripePaymentSyncs = pgTable(
  "stripe_payment_syncs",
  {
    paymentIntent: text("payment_intent").primaryKey(),
    version: bigint("version", { mode: "number" }).notNull(),
  },
  (t) => [check("stripe_payment_syncs_version_check", sql`${t.version} > 0`)],
);

/** Every Stripe event we accepted, by its unique id: the webhook's idempotency record. */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    /** Stripe's `created` for the event. */
    stripeCreatedAt: timestamp("stripe_created_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** processed | ignored (unknown type or nothing to do) */
    outcome: text("outcome").notNull(),
  },
  (t) => [index("stripe_events_type_idx").on(t.type)],
);

export const stripeRefunds = pgTable(
  "stripe_refunds",
  {
    id: text("id").primaryKey(),
    donationId: uuid("donation_id")
      .notNull()
      .references(() => donations.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    status: text("status").notNull(),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("stripe_refunds_amount_positive", sql`${t.amountCents} > 0`),
    index("stripe_refunds_donation_idx").on(t.donationId),
  ],
);

export const stripeDisputes = pgTable(
  "stripe_disputes",
  {
    id: text("id").primaryKey(),
    donationId: uuid("donation_id")
      .notNull()
      .references(() => donations.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    status: text("status").notNull(),
    reason: text("reason"),
    fundsWithdrawn: boolean("funds_withdrawn").notNull().default(false),
    fundsReinstated: boolean("funds_reinstated").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("stripe_disputes_amount_positive", sql`${t.amountCents} > 0`)],
);

export const stripePayouts = pgTable("stripe_payouts", {
  id: text("id").primaryKey(),
  amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
  status: text("status").notNull(),
  arrivalDate: timestamp("arrival_date", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
