import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaigns } from "./campaigns";

export const bondStatus = pgEnum("bond_status", [
  "requested",
  "approved",
  "paid",
  "posted",
  "cancelled",
  "refund_claimed",
  "refunded",
  "breached",
  "appealed",
  "forfeited",
]);

/**
 * One immigration cash bond, from the payment request to refund or forfeiture.
 * Staff-only: the obligor and ICE numbers never reach a public page.
 */
export const bonds = pgTable(
  "bonds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    /** Part of the bond the general pool adds when the campaign is short (a treasurer's approval agrees to it). */
    topUpCents: bigint("top_up_cents", { mode: "number" }).notNull().default(0),
    status: bondStatus("status").notNull().default("requested"),
    requestedBy: text("requested_by").references(() => users.id),
    paymentMethod: text("payment_method", { enum: ["ach", "fedwire"] }),
    traceNumber: text("trace_number"),
    paidOn: date("paid_on"),
    /** ICE Form I-305 receipt number: unique, and the idempotency key of the posting. */
    i305Number: text("i305_number").unique(),
    postedOn: date("posted_on"),
    obligorKind: text("obligor_kind", { enum: ["fund", "representative"] }),
    obligorUserId: text("obligor_user_id").references(() => users.id),
    i391On: date("i391_on"),
    refundClaimedOn: date("refund_claimed_on"),
    refundClaimContents: text("refund_claim_contents"),
    refundedOn: date("refunded_on"),
    refundReceivedCents: bigint("refund_received_cents", { mode: "number" }),
    interestExpectedCents: bigint("interest_expected_cents", { mode: "number" }),
    i323On: date("i323_on"),
    appealFiledOn: date("appeal_filed_on"),
    forfeitedOn: date("forfeited_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("bonds_amount_positive", sql`${t.amountCents} > 0`),
    check("bonds_top_up_range", sql`${t.topUpCents} >= 0 AND ${t.topUpCents} <= ${t.amountCents}`),
    check(
      "bonds_dates_ordered",
      sql`(${t.postedOn} IS NULL OR ${t.paidOn} IS NULL OR ${t.postedOn} >= ${t.paidOn})
      AND (${t.i391On} IS NULL OR ${t.i391On} >= ${t.postedOn})
      AND (${t.refundClaimedOn} IS NULL OR ${t.refundClaimedOn} >= ${t.i391On})
      AND (${t.refundedOn} IS NULL OR ${t.refundedOn} >= ${t.refundClaimedOn})
      AND (${t.i323On} IS NULL OR ${t.i323On} >= ${t.postedOn})`,
    ),
    index("bonds_campaign_idx").on(t.campaignId),
    index("bonds_status_idx").on(t.status),
  ],
);

/** Approvals of a bond payment; the requester can never approve their own request. */
export const bondApprovals = pgTable(
  "bond_approvals",
  {
    bondId: uuid("bond_id")
      .notNull()
      .references(() => bonds.id),
    approverUserId: text("approver_user_id")
      .notNull()
      .references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bondId, t.approverUserId] })],
);

/** Appearance demands (Form I-340) logged while a bond is active. */
export const bondAppearances = pgTable("bond_appearances", {
  id: uuid("id").primaryKey().defaultRandom(),
  bondId: uuid("bond_id")
    .notNull()
    .references(() => bonds.id),
  demandedFor: date("demanded_for").notNull(),
  note: text("note").notNull().default(""),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Treasury's published quarterly rate for bond interest, which the treasurer extends each quarter. */
export const interestRates = pgTable(
  "interest_rates",
  {
    quarterStart: date("quarter_start").primaryKey(),
    rateBps: integer("rate_bps").notNull(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("interest_rates_range", sql`${t.rateBps} BETWEEN 0 AND 300`),
    check(
      "interest_rates_quarter_start",
      sql`extract(day from ${t.quarterStart}) = 1 AND extract(month from ${t.quarterStart}) IN (1, 4, 7, 10)`,
    ),
  ],
);
