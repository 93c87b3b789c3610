import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { donations, recurringGifts } from "./donations";

/** One row per donor (sha256 of the lower-cased email) and calendar year: the January statement's claim (0021). */
export const yearEndStatementClaims = pgTable(
  "year_end_statement_claims",
  {
    emailHash: text("email_hash").notNull(),
    year: integer("year").notNull(),
    gifts: integer("gifts").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    resent: integer("resent").notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "year_end_statement_claims_pk", columns: [t.emailHash, t.year] }),
    check("year_end_statement_claims_year", sql`${t.year} BETWEEN 2000 AND 2200`),
  ],
);

/** Name and address collected at checkout for a single gift of $5,000 or more (Schedule B); sealed. */
export const donorContactDetails = pgTable("donor_contact_details", {
  donationId: uuid("donation_id")
    .primaryKey()
    .references(() => donations.id),
  envelope: text("envelope").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A monthly gift's Schedule B name and address (migration 0027): every month of it is that gift. */
export const recurringGiftContacts = pgTable("recurring_gift_contacts", {
  recurringGiftId: uuid("recurring_gift_id")
    .primaryKey()
    .references(() => recurringGifts.id),
  envelope: text("envelope").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Self-service: a mailed single-use link, and the short session it opens. Only hashes are stored. */
export const donorAccessTokens = pgTable(
  "donor_access_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: text("purpose", { enum: ["link", "session"] }).notNull(),
    email: text("email").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("donor_access_tokens_purpose", sql`${t.purpose} IN ('link', 'session')`),
    index("donor_access_tokens_expiry_idx").on(t.expiresAt),
  ],
);
