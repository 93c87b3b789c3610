import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One line of the fund's bank statement, imported from CSV; re-importing the same file adds nothing. */
export const bankStatementLines = pgTable(
  "bank_statement_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** sha256 of date|amount|description|occurrence — identical lines in one file stay distinct. */
    fingerprint: text("fingerprint").notNull().unique(),
    postedOn: date("posted_on").notNull(),
    /** Signed: deposits positive, withdrawals negative. */
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    description: text("description").notNull(),
    importId: uuid("import_id").notNull(),
    matchedKind: text("matched_kind", {
      enum: ["payout", "bond_payment", "bond_refund", "offline_deposit", "offline_return"],
    }),
    matchedRef: text("matched_ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("bank_lines_amount_nonzero", sql`${t.amountCents} <> 0`),
    index("bank_lines_unmatched_idx").on(t.matchedKind, t.postedOn),
  ],
);

export const bankImports = pgTable("bank_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  fileName: text("file_name").notNull(),
  lines: integer("lines").notNull(),
  added: integer("added").notNull(),
  importedBy: text("imported_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Stripe balance transactions imported from each payout, for matching against the ledger. */
export const stripeBalanceTransactions = pgTable(
  "stripe_balance_transactions",
  {
    id: text("id").primaryKey(),
    payoutId: text("payout_id"),
    type: text("type").notNull(),
    /** The charge, refund, dispute or payout this transaction is about (ch_, re_, dp_, po_ ...). */
    sourceId: text("source_id"),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    feeCents: bigint("fee_cents", { mode: "number" }).notNull(),
    netCents: bigint("net_cents", { mode: "number" }).notNull(),
    stripeCreatedAt: timestamp("stripe_created_at", { withTimezone: true }).notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stripe_bt_payout_idx").on(t.payoutId), index("stripe_bt_source_idx").on(t.sourceId)],
);

/**
 * One run of a long import (Stripe payouts, a bank statement), updated in
 * batches so the page can show honest progress while the import runs. Counts
 * only: no statement descriptions or Stripe payloads.
 */
export const importRuns = pgTable(
  "import_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["stripe", "bank"] }).notNull(),
    status: text("status", { enum: ["running", "done", "failed"] })
      .notNull()
      .default("running"),
    startedBy: text("started_by").notNull(),
    /** Items processed so far: balance transactions (Stripe) or statement lines (bank). */
    done: integer("done").notNull().default(0),
    /** Items expected, when known up front (a bank file's lines; Stripe pages give no total). */
    total: integer("total"),
    /** What happened, in words, once finished (or the error shown to the treasurer). */
    summary: text("summary").notNull().default(""),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("import_runs_by_idx").on(t.startedBy, t.kind, t.startedAt)],
);

/**
 * The stored Stripe match (migration 0022): per Stripe object, the net of its imported balance
 * transactions and of the books' `stripe` postings keyed to it. Written by triggers only.
 */
export const stripeMatch = pgTable("stripe_match", {
  sourceId: text("source_id").primaryKey(),
  stripeNet: bigint("stripe_net", { mode: "number" }).notNull().default(0),
  stripeRows: integer("stripe_rows").notNull().default(0),
  ledgerNet: bigint("ledger_net", { mode: "number" }).notNull().default(0),
  ledgerRows: integer("ledger_rows").notNull().default(0),
});
