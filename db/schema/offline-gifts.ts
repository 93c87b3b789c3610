import { sql } from "drizzle-orm";
import { bigint, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { wallNameColumns } from "./columns";
import { journalEntries } from "./ledger";
import { bankStatementLines } from "./reconciliation";

export const OFFLINE_METHODS = ["check", "wire", "cash", "other"] as const;
export type OfflineMethod = (typeof OFFLINE_METHODS)[number];

/** One matched bank line and the offline gifts it deposits (migration 0020). */
export const offlineDeposits = pgTable(
  "offline_deposits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bankLineId: uuid("bank_line_id")
      .notNull()
      .unique()
      .references(() => bankStatementLines.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    entryId: bigint("entry_id", { mode: "number" })
      .notNull()
      .references(() => journalEntries.id),
    matchedBy: text("matched_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("offline_deposits_amount_positive", sql`${t.amountCents} > 0`)],
);

/**
 * A gift by check, wire, cash or other, recorded by a treasurer. The donor's name and email are
 * private (treasurer pages only); displayName is set only when the donor asked to be on the wall,
 * and is public only once approved, as for card gifts.
 */
export const offlineGifts = pgTable(
  "offline_gifts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    method: text("method", { enum: OFFLINE_METHODS }).notNull(),
    donorName: text("donor_name").notNull(),
    email: text("email"),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    receivedOn: date("received_on").notNull(),
    /** The check number, wire reference or receipt book number ('' when none). */
    reference: text("reference").notNull().default(""),
    /** Null: the general pool. */
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    ...wallNameColumns(),
    locale: text("locale").notNull().default("en"),
    entryId: bigint("entry_id", { mode: "number" })
      .notNull()
      .references(() => journalEntries.id),
    depositId: uuid("deposit_id").references(() => offlineDeposits.id),
    reversedAt: timestamp("reversed_at", { withTimezone: true }),
    reversedBy: text("reversed_by"),
    /** Why it was reversed, as the treasurer typed it (treasurer pages only; never in the audit log). */
    reversalReason: text("reversal_reason"),
    reversalEntryId: bigint("reversal_entry_id", { mode: "number" }).references(() => journalEntries.id),
    /** A deposited check the bank returned: the bank's withdrawal line, and the entry giving it back (0028). */
    returnBankLineId: uuid("return_bank_line_id").references(() => bankStatementLines.id),
    returnEntryId: bigint("return_entry_id", { mode: "number" }).references(() => journalEntries.id),
    recordedBy: text("recorded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("offline_gifts_method_known", sql`${t.method} IN ('check', 'wire', 'cash', 'other')`),
    check("offline_gifts_amount_positive", sql`${t.amountCents} > 0`),
    uniqueIndex("offline_gifts_one_check")
      .on(sql`lower(${t.donorName})`, t.reference)
      .where(sql`${t.method} = 'check' AND ${t.reversedAt} IS NULL`),
    index("offline_gifts_campaign_idx").on(t.campaignId, t.receivedOn.desc()),
    uniqueIndex("offline_gifts_one_return_per_line")
      .on(t.returnBankLineId)
      .where(sql`${t.returnBankLineId} IS NOT NULL`),
  ],
);
