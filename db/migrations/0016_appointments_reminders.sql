CREATE TABLE "reminder_registrations" (
	"campaign_id" uuid PRIMARY KEY NOT NULL REFERENCES "campaigns"("id"),
	"envelope" text NOT NULL,
	"consent" boolean NOT NULL,
	"channel" text NOT NULL,
	"phone_hash" text,
	"family_phone_hash" text,
	"sms_stopped_at" timestamp with time zone,
	"family_sms_stopped_at" timestamp with time zone,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_registrations_channel" CHECK ("channel" IN ('sms', 'email', 'both'))
);
--> statement-breakpoint
CREATE INDEX "reminder_registrations_phone_idx" ON "reminder_registrations" ("phone_hash");
--> statement-breakpoint
CREATE INDEX "reminder_registrations_family_phone_idx" ON "reminder_registrations" ("family_phone_hash");
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL REFERENCES "campaigns"("id"),
	"kind" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"envelope" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"attendance_by" text,
	"attendance_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_kind" CHECK ("kind" IN ('eoir_master', 'eoir_individual', 'ice_checkin', 'atd', 'biometrics', 'other')),
	CONSTRAINT "appointments_status" CHECK ("status" IN ('scheduled', 'attended', 'missed', 'rescheduled', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX "appointments_campaign_idx" ON "appointments" ("campaign_id");
--> statement-breakpoint
CREATE TABLE "appointment_versions" (
	"appointment_id" uuid NOT NULL REFERENCES "appointments"("id"),
	"version" integer NOT NULL,
	"envelope" text NOT NULL,
	"change" text NOT NULL,
	"actor_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_versions_pk" PRIMARY KEY ("appointment_id", "version"),
	CONSTRAINT "appointment_versions_change" CHECK ("change" IN ('created', 'moved', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "reminder_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL REFERENCES "appointments"("id"),
	"campaign_id" uuid NOT NULL REFERENCES "campaigns"("id"),
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"offset_key" text NOT NULL,
	"recipient" text NOT NULL,
	"channel" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"claimed_by" text,
	"sent_at" timestamp with time zone,
	"provider_sid" text,
	"delivery_status" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_jobs_kind" CHECK ("kind" IN ('reminder', 'correction', 'cancellation')),
	CONSTRAINT "reminder_jobs_recipient" CHECK ("recipient" IN ('person', 'family')),
	CONSTRAINT "reminder_jobs_channel" CHECK ("channel" IN ('sms', 'email')),
	CONSTRAINT "reminder_jobs_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'cancelled', 'missed', 'skipped')),
	CONSTRAINT "reminder_jobs_once" UNIQUE ("appointment_id", "version", "kind", "offset_key", "recipient", "channel")
);
--> statement-breakpoint
CREATE INDEX "reminder_jobs_due_idx" ON "reminder_jobs" ("status", "next_attempt_at");
--> statement-breakpoint
CREATE INDEX "reminder_jobs_sid_idx" ON "reminder_jobs" ("provider_sid");
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL UNIQUE REFERENCES "reminder_jobs"("id"),
	"transport" text NOT NULL,
	"envelope" text NOT NULL,
	"provider_sid" text UNIQUE,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_messages_transport" CHECK ("transport" IN ('outbox', 'twilio'))
);
--> statement-breakpoint
CREATE TABLE "sms_inbound" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_sid" text NOT NULL UNIQUE,
	"keyword" text NOT NULL,
	"phone_hash" text NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL REFERENCES "campaigns"("id"),
	"envelope" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL REFERENCES "campaigns"("id"),
	"kind" text NOT NULL,
	"assignee" text NOT NULL,
	"due_on" date,
	"urgent" boolean DEFAULT false NOT NULL,
	"appointment_id" uuid REFERENCES "appointments"("id"),
	"address_id" uuid REFERENCES "person_addresses"("id"),
	"status" text DEFAULT 'open' NOT NULL,
	"done_by" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_tasks_kind" CHECK ("kind" IN ('eoir33', 'ar11', 'i333', 'missed_appointment')),
	CONSTRAINT "case_tasks_assignee" CHECK ("assignee" IN ('lawyer', 'treasurer')),
	CONSTRAINT "case_tasks_status" CHECK ("status" IN ('open', 'done'))
);
--> statement-breakpoint
CREATE INDEX "case_tasks_open_idx" ON "case_tasks" ("status", "assignee", "due_on");
