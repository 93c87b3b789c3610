import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";

/**
 * Hearings, check-ins and reminders for a released person (migration 0016). Every person-level
 * value (phone, email, language, date, time, place, address) lives in an AES-256-GCM envelope;
 * only what scheduling needs is in the clear: kinds, statuses and each reminder's due time.
 */
export const APPOINTMENT_KINDS = [
  "eoir_master",
  "eoir_individual",
  "ice_checkin",
  "atd",
  "biometrics",
  "other",
] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const APPOINTMENT_STATUSES = ["scheduled", "attended", "missed", "rescheduled", "cancelled"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const REMINDER_JOB_STATUSES = [
  "pending",
  "sending",
  "sent",
  "failed",
  "cancelled",
  "missed",
  "skipped",
] as const;
export type ReminderJobStatus = (typeof REMINDER_JOB_STATUSES)[number];

export const reminderRegistrations = pgTable(
  "reminder_registrations",
  {
    campaignId: uuid("campaign_id")
      .primaryKey()
      .references(() => campaigns.id),
    envelope: text("envelope").notNull(),
    consent: boolean("consent").notNull(),
    channel: text("channel", { enum: ["sms", "email", "both"] }).notNull(),
    /** Keyed hashes of the E.164 numbers, so an inbound STOP finds its registration without decrypting all. */
    phoneHash: text("phone_hash"),
    familyPhoneHash: text("family_phone_hash"),
    smsStoppedAt: timestamp("sms_stopped_at", { withTimezone: true }),
    familySmsStoppedAt: timestamp("family_sms_stopped_at", { withTimezone: true }),
    updatedBy: text("updated_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reminder_registrations_phone_idx").on(t.phoneHash),
    index("reminder_registrations_family_phone_idx").on(t.familyPhoneHash),
  ],
);

export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    kind: text("kind", { enum: APPOINTMENT_KINDS }).notNull(),
    version: integer("version").notNull().default(1),
    envelope: text("envelope").notNull(),
    status: text("status", { enum: APPOINTMENT_STATUSES }).notNull().default("scheduled"),
    attendanceBy: text("attendance_by"),
    attendanceAt: timestamp("attendance_at", { withTimezone: true }),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("appointments_campaign_idx").on(t.campaignId)],
);

/** Every date an appointment has had: a move is a new version, never an overwrite. */
export const appointmentVersions = pgTable(
  "appointment_versions",
  {
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    version: integer("version").notNull(),
    envelope: text("envelope").notNull(),
    change: text("change", { enum: ["created", "moved", "cancelled"] }).notNull(),
    actorUserId: text("actor_user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "appointment_versions_pk", columns: [t.appointmentId, t.version] })],
);

/** One row per appointment version × reminder offset × recipient × channel: the scheduler's job table. */
export const reminderJobs = pgTable(
  "reminder_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    version: integer("version").notNull(),
    kind: text("kind", { enum: ["reminder", "correction", "cancellation"] }).notNull(),
    offsetKey: text("offset_key").notNull(),
    recipient: text("recipient", { enum: ["person", "family"] }).notNull(),
    channel: text("channel", { enum: ["sms", "email"] }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: REMINDER_JOB_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    providerSid: text("provider_sid"),
    deliveryStatus: text("delivery_status"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reminder_jobs_once").on(t.appointmentId, t.version, t.kind, t.offsetKey, t.recipient, t.channel),
    index("reminder_jobs_due_idx").on(t.status, t.nextAttemptAt),
    index("reminder_jobs_sid_idx").on(t.providerSid),
  ],
);

/** Each SMS handed to a transport, at most one per job (the unique job id is the send's idempotency key). */
export const smsMessages = pgTable("sms_messages", {
  id: uuid("id").primaryKey().defaultRandom(),
  jobId: uuid("job_id")
    .notNull()
    .unique()
    .references(() => reminderJobs.id),
  transport: text("transport", { enum: ["outbox", "twilio"] }).notNull(),
  /** {to, body}, encrypted with the job id as associated data. */
  envelope: text("envelope").notNull(),
  providerSid: text("provider_sid").unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Inbound STOP / START replies, recorded once per Twilio message sid (numbers only as keyed hashes). */
export const smsInbound = pgTable("sms_inbound", {
  id: uuid("id").primaryKey().defaultRandom(),
  providerSid: text("provider_sid").notNull().unique(),
  keyword: text("keyword").notNull(),
  phoneHash: text("phone_hash").notNull(),
  matched: integer("matched").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const personAddresses = pgTable("person_addresses", {
  id: uuid("id").primaryKey().defaultRandom(),
  campaignId: uuid("campaign_id")
    .notNull()
    .references(() => campaigns.id),
  envelope: text("envelope").notNull(),
  recordedBy: text("recorded_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const CASE_TASK_KINDS = ["eoir33", "ar11", "i333", "missed_appointment"] as const;
export type CaseTaskKind = (typeof CASE_TASK_KINDS)[number];

export const caseTasks = pgTable(
  "case_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    kind: text("kind", { enum: CASE_TASK_KINDS }).notNull(),
    assignee: text("assignee", { enum: ["lawyer", "treasurer"] }).notNull(),
    dueOn: date("due_on"),
    urgent: boolean("urgent").notNull().default(false),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    addressId: uuid("address_id").references(() => personAddresses.id),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    doneBy: text("done_by"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_tasks_open_idx").on(t.status, t.assignee, t.dueOn)],
);
