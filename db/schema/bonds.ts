import { sql } from "drizzle-orm";
import { bigint, check, index, pgEnum, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
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

/** One immigration cash bond. The treasury work adds payment, I-305 and lifecycle details. */
export const bonds = pgTable(
  "bonds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    status: bondStatus("status").notNull().default("requested"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("bonds_amount_positive", sql`${t.amountCents} > 0`),
    index("bonds_campaign_idx").on(t.campaignId),
  ],
);
