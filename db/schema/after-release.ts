/**
 * After the bond is paid (issue 13, migration 0015): the obligor of record and
 * its address history, ICE notices with the deadline each starts and their
 * encrypted scans, the daily digest claim, the refund claim and its follow-ups,
 * and the allowance policy. Everything that can identify a person sits in an
 * `envelope` (lib/privacy/case-file-crypto.ts, bound to its row by the AAD).
 */
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bonds } from "./bonds";

export const obligors = pgTable(
  "obligors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["fund", "person"] }).notNull(),
    /** name, representative, CeBONDS email, email-service consent (encrypted). */
    envelope: text("envelope").notNull(),
    /** The fund's own obligor profile, used by default when a payment is recorded (at most one). */
    isFundDefault: boolean("is_fund_default").notNull().default(false),
    updatedBy: text("updated_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("obligors_kind_known", sql`${t.kind} IN ('fund', 'person')`)],
);

/** The US mailing address of record, as a history: the latest `changedOn` is current. */
export const obligorAddresses = pgTable(
  "obligor_addresses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    obligorId: uuid("obligor_id")
      .notNull()
      .references(() => obligors.id),
    envelope: text("envelope").notNull(),
    changedOn: date("changed_on").notNull(),
    /** When Form I-333 reported this address to ICE; null = not filed yet (flagged after 10 days). */
    i333FiledOn: date("i333_filed_on"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("obligor_addresses_obligor_idx").on(t.obligorId, t.changedOn)],
);

/** Who is the obligor of a bond from which date: the posting, then any substitution. */
export const bondObligors = pgTable(
  "bond_obligors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bondId: uuid("bond_id")
      .notNull()
      .references(() => bonds.id),
    obligorId: uuid("obligor_id")
      .notNull()
      .references(() => obligors.id),
    fromOn: date("from_on").notNull(),
    reason: text("reason", { enum: ["posted", "substitution"] }).notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("bond_obligors_bond_idx").on(t.bondId, t.fromOn)],
);

export const NOTICE_FORMS = ["I-340", "I-323", "I-391", "I-305", "other"] as const;
export const SERVICE_METHODS = ["mail", "email", "in_person"] as const;

/** A notice ICE served on the obligor, and the deadline it starts (null when it starts none). */
export const bondNotices = pgTable(
  "bond_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bondId: uuid("bond_id")
      .notNull()
      .references(() => bonds.id),
    form: text("form", { enum: NOTICE_FORMS }).notNull(),
    servedOn: date("served_on").notNull(),
    servedBy: text("served_by", { enum: SERVICE_METHODS }).notNull(),
    /** I-340 place, time and time zone, notes (encrypted). */
    envelope: text("envelope").notNull(),
    deadlineKind: text("deadline_kind", { enum: ["deliver_person", "appeal_i290b", "refund_claim"] }),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** Keyed hash of the notice's content: a second identical notice is refused. */
    dedupeHash: text("dedupe_hash").notNull().unique(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("bond_notices_bond_idx").on(t.bondId, t.servedOn)],
);

/** The scan of a notice, encrypted (AAD = notice id); type checked by its magic bytes. */
export const noticeScans = pgTable("notice_scans", {
  noticeId: uuid("notice_id")
    .primaryKey()
    .references(() => bondNotices.id),
  mime: text("mime", { enum: ["application/pdf", "image/jpeg", "image/png"] }).notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  envelope: text("envelope").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row per recipient per day: whoever inserts it sends that day's digest (every instance races, one wins). */
export const deadlineDigestClaims = pgTable(
  "deadline_digest_claims",
  {
    recipient: text("recipient").notNull(),
    day: date("day").notNull(),
    deadlines: integer("deadlines").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "deadline_digest_claims_pk", columns: [t.recipient, t.day] })],
);

export const refundClaims = pgTable("refund_claims", {
  bondId: uuid("bond_id")
    .primaryKey()
    .references(() => bonds.id),
  packetGeneratedAt: timestamp("packet_generated_at", { withTimezone: true }),
  mailedOn: date("mailed_on"),
  trackingEnvelope: text("tracking_envelope"),
  updatedBy: text("updated_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const refundFollowups = pgTable(
  "refund_followups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bondId: uuid("bond_id")
      .notNull()
      .references(() => bonds.id),
    channel: text("channel", { enum: ["call", "letter", "email"] }).notNull(),
    occurredOn: date("occurred_on").notNull(),
    /** who was contacted and what was said (encrypted). */
    envelope: text("envelope").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("refund_followups_bond_idx").on(t.bondId, t.occurredOn)],
);

/** The fund's allowance policy (one row): a percentage of money at ICE by age, or a judgement per bond. */
export const allowancePolicy = pgTable("allowance_policy", {
  id: integer("id").primaryKey().default(1),
  mode: text("mode", { enum: ["by_age", "per_bond"] }).notNull(),
  under1Bps: integer("under1_bps").notNull().default(0),
  y1to2Bps: integer("y1to2_bps").notNull().default(0),
  y2to5Bps: integer("y2to5_bps").notNull().default(0),
  over5Bps: integer("over5_bps").notNull().default(0),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const bondAllowanceJudgements = pgTable("bond_allowance_judgements", {
  bondId: uuid("bond_id")
    .primaryKey()
    .references(() => bonds.id),
  bps: integer("bps").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
