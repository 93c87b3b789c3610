import { sql } from "drizzle-orm";
import { check, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const lawyerStatus = pgEnum("lawyer_status", ["pending", "verified", "rejected"]);

/** A lawyer's professional details, checked by a fund admin before they may submit campaigns. */
export const lawyerProfiles = pgTable(
  "lawyer_profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    barNumber: text("bar_number").notNull(),
    barState: text("bar_state").notNull(),
    eoirId: text("eoir_id").notNull(),
    firm: text("firm").notNull().default(""),
    status: lawyerStatus("status").notNull().default("pending"),
    rejectionReason: text("rejection_reason"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("lawyer_bar_state_format", sql`${t.barState} ~ '^[A-Z]{2}$'`),
    check(
      "lawyer_rejection_has_reason",
      sql`${t.status} <> 'rejected' OR length(coalesce(${t.rejectionReason}, '')) > 0`,
    ),
  ],
);
