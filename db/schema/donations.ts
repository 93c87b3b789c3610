import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";

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
    /** Name on the donor wall; null means "Anonymous". */
    displayName: text("display_name"),
    /** Receipt address. Never shown publicly. */
    email: text("email"),
    /** Donor agreed that the gift may go to the general pool if the campaign's purpose fails. */
    redirectConsent: boolean("redirect_consent").notNull().default(false),
    status: donationStatus("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("donations_amount_positive", sql`${t.amountCents} > 0`),
    index("donations_campaign_idx").on(t.campaignId),
  ],
);
