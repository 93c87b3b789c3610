import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";

/**
 * The private facts about the person behind a campaign, encrypted at rest
 * (AES-256-GCM envelope with its key id; the campaign id is the associated
 * data, so a ciphertext cannot be moved to another campaign). Only a keyed
 * hash of the A-number is stored in the clear, to flag a second campaign for
 * the same person.
 */
export const caseFiles = pgTable(
  "case_files",
  {
    campaignId: uuid("campaign_id")
      .primaryKey()
      .references(() => campaigns.id),
    envelope: text("envelope").notNull(),
    aNumberHash: text("a_number_hash").notNull(),
    updatedBy: text("updated_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_files_a_number_hash_idx").on(t.aNumberHash)],
);

/** Every goal a campaign has had: the bond amount can be redetermined. */
export const campaignGoalVersions = pgTable("campaign_goal_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  campaignId: uuid("campaign_id")
    .notNull()
    .references(() => campaigns.id),
  goalCents: bigint("goal_cents", { mode: "number" }).notNull(),
  reason: text("reason").notNull(),
  actorUserId: text("actor_user_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Case events a lawyer records: paused for a stay or appeal, released, cancelled with a reason. */
export const campaignEvents = pgTable(
  "campaign_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    kind: text("kind", {
      enum: ["goal_changed", "paused", "resumed", "released", "cancelled", "submitted", "approved", "returned"],
    }).notNull(),
    reasonCode: text("reason_code"),
    /** Staff-only note; it passes the PII guard like public text because staff pages are read by several people. */
    note: text("note").notNull().default(""),
    actorUserId: text("actor_user_id").notNull(),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaign_events_campaign_idx").on(t.campaignId, t.createdAt)],
);
