import { sql } from "drizzle-orm";
import { users } from "./auth";
import { bigint, boolean, check, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const campaignStatus = pgEnum("campaign_status", [
  "draft",
  "in_review",
  "live",
  "funded",
  "bond_requested",
  "bond_posted",
  "closed",
  "paused",
  "cancelled",
]);

/** The public, anonymized side of a campaign. Nothing here may identify the person. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    alias: text("alias").notNull(),
    region: text("region").notNull(),
    /** One line shown under the alias on cards. */
    summary: text("summary").notNull().default(""),
    story: text("story").notNull().default(""),
    /** Month of detention only ("2026-09"), never a day. */
    detentionMonth: text("detention_month"),
    goalCents: bigint("goal_cents", { mode: "number" }).notNull(),
    status: campaignStatus("status").notNull().default("draft"),
    /** The lawyer of record (Auth.js user id). Null only for demo data created before any lawyer existed. */
    lawyerUserId: text("lawyer_user_id").references(() => users.id),
    /** Gifts are tax-deductible only if the fund's counsel says so for this campaign. */
    deductible: boolean("deductible").notNull().default(false),
    /** Edits to public text of a live campaign wait here for privacy review; the live page keeps the approved text. */
    pendingPublic: jsonb("pending_public").$type<{
      alias: string;
      region: string;
      summary: string;
      story: string;
      detentionMonth: string | null;
    }>(),
    /** Privacy findings the reviewer must look at (kinds and fields only, never the text). */
    reviewFlags: jsonb("review_flags")
      .$type<{ field: string; kind: string; message: string }[]>()
      .notNull()
      .default([]),
    reviewNotes: text("review_notes"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("campaigns_goal_positive", sql`${t.goalCents} > 0 AND ${t.goalCents} <= 10000000000`),
    check(
      "campaigns_detention_month_format",
      sql`${t.detentionMonth} IS NULL OR ${t.detentionMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`,
    ),
    check("campaigns_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    index("campaigns_status_idx").on(t.status),
    index("campaigns_lawyer_idx").on(t.lawyerUserId),
  ],
);
