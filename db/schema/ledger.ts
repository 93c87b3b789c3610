import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  primaryKey,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { bonds } from "./bonds";
import { campaigns } from "./campaigns";

/**
 * Chart of accounts. `balance` is a cache of the postings kept by a trigger in
 * the same transaction as each posting (see the ledger_invariants migration),
 * expressed on the account's normal side: assets debit-positive, funds
 * credit-positive. Direct updates to it are refused by the database.
 */
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    code: text("code").primaryKey(),
    kind: text("kind", { enum: ["asset", "fund", "contra_asset"] }).notNull(),
    /** +1 for assets (debit-normal), -1 for funds and the contra-asset bond_allowance (credit-normal). */
    normalSign: smallint("normal_sign").notNull(),
    allowNegative: boolean("allow_negative").notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    bondId: uuid("bond_id").references(() => bonds.id),
    balance: bigint("balance", { mode: "number" }).notNull().default(0),
    version: bigint("version", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("ledger_accounts_non_negative", sql`${t.allowNegative} OR ${t.balance} >= 0`),
    check(
      "ledger_accounts_kind_sign",
      sql`(${t.kind} = 'asset' AND ${t.normalSign} = 1) OR (${t.kind} = 'fund' AND ${t.normalSign} = -1) OR (${t.kind} = 'contra_asset' AND ${t.normalSign} = -1)`,
    ),
    // The rule itself is the function ledger_account_code_well_formed (migration 0030): fixed codes for the
    // fund's own accounts, `campaign:<id>` and `bond:<id>` for the accounts opened with their rows.
    check(
      "ledger_accounts_code_format",
      sql`ledger_account_code_well_formed(${t.code}, ${t.kind}, ${t.allowNegative}, ${t.campaignId}, ${t.bondId})`,
    ),
  ],
);

export const ENTRY_KINDS = [
  "donation",
  "processing_fee",
  "refund",
  "dispute",
  "dispute_reversal",
  "payout",
  "bond_payment",
  "bond_refund",
  "interest",
  "forfeiture",
  "reallocation",
  "adjustment",
  "allowance_adjustment",
  "write_off",
  "offline_gift",
  "deposit",
] as const;

export const journalEntries = pgTable(
  "journal_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** The external id that makes this entry happen at most once (Stripe object id, I-305 number, ...). */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: text("kind", { enum: ENTRY_KINDS }).notNull(),
    memo: text("memo").notNull().default(""),
    /** sha256 of the entry's content; the same key with other content is refused. */
    contentHash: text("content_hash").notNull(),
    reversesEntryId: bigint("reverses_entry_id", { mode: "number" })
      .unique()
      .references((): AnyPgColumn => journalEntries.id),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    /** Non-private external references (Stripe ids, event ids) for reconciliation. */
    refs: jsonb("refs").$type<Record<string, string>>().notNull().default({}),
    effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull().defaultNow(),
    /** Postings may only be added in the transaction that created the entry. */
    txid: bigint("txid", { mode: "number" })
      .notNull()
      .default(sql`txid_current()`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("journal_entries_key_length", sql`length(${t.idempotencyKey}) BETWEEN 1 AND 255`),
    index("journal_entries_campaign_idx").on(t.campaignId),
    index("journal_entries_kind_effective_idx").on(t.kind, t.effectiveAt),
  ],
);

export const ledgerPostings = pgTable(
  "ledger_postings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    entryId: bigint("entry_id", { mode: "number" })
      .notNull()
      .references(() => journalEntries.id),
    accountCode: text("account_code")
      .notNull()
      .references(() => ledgerAccounts.code),
    /** Signed cents: debit positive, credit negative. An entry's postings sum to zero. */
    amount: bigint("amount", { mode: "number" }).notNull(),
    /** The account's normal-side balance after this posting; set by the database. */
    balanceAfter: bigint("balance_after", { mode: "number" }).notNull().default(0),
    accountVersion: bigint("account_version", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    check("ledger_postings_amount_nonzero", sql`${t.amount} <> 0`),
    unique("ledger_postings_account_version").on(t.accountCode, t.accountVersion),
    index("ledger_postings_entry_idx").on(t.entryId),
  ],
);

/**
 * Running totals per account and journal-entry kind: the signed sum (debit
 * positive) and count of the account's postings in entries of that kind. Kept by
 * a trigger in each posting's transaction (migration 0017); direct changes are
 * refused. Read through kindTotals, checked by verifyKindTotals (lib/ledger).
 */
export const ledgerKindTotals = pgTable(
  "ledger_kind_totals",
  {
    accountCode: text("account_code")
      .notNull()
      .references(() => ledgerAccounts.code),
    kind: text("kind").notNull(),
    total: bigint("total", { mode: "number" }).notNull(),
    postings: bigint("postings", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "ledger_kind_totals_pk", columns: [t.accountCode, t.kind] })],
);
