import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaigns } from "./campaigns";

/** Fixed-window counters in the database, so limits hold across app instances. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text("bucket").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);

/**
 * Mail waiting to be sent (or, without SMTP_URL, the development outbox).
 * Written in the same transaction as the money it reports, sent afterwards.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Makes each message happen once, e.g. receipt:<donationId>. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    /** Which PDF to attach (`receipt:<donationId>` or `statement:<year>`), rebuilt when sent (0021). */
    attachment: text("attachment"),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    check("outbox_status_known", sql`${t.status} IN ('pending', 'sent', 'failed', 'outbox')`),
    index("outbox_status_idx").on(t.status, t.createdAt),
  ],
);

/**
 * Updates on a campaign, posted by its lawyer of record (English, optionally Spanish). Text passes
 * the PII guard before it is stored and is public only once an admin approved it (0025).
 */
export const campaignUpdates = pgTable(
  "campaign_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    /** The English text (always present). */
    body: text("body").notNull(),
    /** The Spanish text, if the lawyer wrote one; Spanish pages fall back to English. */
    bodyEs: text("body_es"),
    status: text("status", { enum: ["pending", "approved", "rejected"] })
      .notNull()
      .default("pending"),
    /** The guard's flags for the reviewer (field, kind, message; never the text). */
    reviewFlags: jsonb("review_flags")
      .$type<{ field: string; kind: string; message: string }[]>()
      .notNull()
      .default([]),
    reviewNotes: text("review_notes"),
    authorUserId: text("author_user_id").references(() => users.id),
    reviewerUserId: text("reviewer_user_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    /** Set when approved: the date shown on the public page. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    index("campaign_updates_campaign_idx").on(t.campaignId, t.publishedAt),
    check("campaign_updates_status_known", sql`${t.status} IN ('pending', 'approved', 'rejected')`),
  ],
);

/** One random id per database (migration 0029): the public data cache is keyed by it. */
export const databaseIdentity = pgTable("database_identity", {
  id: uuid("id").primaryKey().defaultRandom(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
