CREATE TYPE "public"."donation_frequency" AS ENUM('one_off', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."recurring_gift_status" AS ENUM('pending', 'active', 'cancelled');--> statement-breakpoint
CREATE TABLE "recurring_gifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"cover_fee_cents" bigint DEFAULT 0 NOT NULL,
	"display_name" text,
	"email" text,
	"redirect_consent" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"status" "recurring_gift_status" DEFAULT 'pending' NOT NULL,
	"checkout_session_id" text,
	"subscription_id" text,
	"cancel_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "recurring_gifts_checkout_session_id_unique" UNIQUE("checkout_session_id"),
	CONSTRAINT "recurring_gifts_subscription_id_unique" UNIQUE("subscription_id"),
	CONSTRAINT "recurring_gifts_cancel_token_hash_unique" UNIQUE("cancel_token_hash"),
	CONSTRAINT "recurring_gifts_amount_positive" CHECK ("recurring_gifts"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "stripe_disputes" (
	"id" text PRIMARY KEY NOT NULL,
	"donation_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"funds_withdrawn" boolean DEFAULT false NOT NULL,
	"funds_reinstated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stripe_disputes_amount_positive" CHECK ("stripe_disputes"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"stripe_created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"amount_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"arrival_date" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"donation_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stripe_refunds_amount_positive" CHECK ("stripe_refunds"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_messages_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "outbox_status_known" CHECK ("outbox_messages"."status" IN ('pending', 'sent', 'failed', 'outbox'))
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "frequency" "donation_frequency" DEFAULT 'one_off' NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "cover_fee_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "fee_cents" bigint;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "refunded_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "recurring_gift_id" uuid;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "checkout_session_id" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "payment_intent_id" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "charge_id" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "invoice_id" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "succeeded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "recurring_gifts" ADD CONSTRAINT "recurring_gifts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_disputes" ADD CONSTRAINT "stripe_disputes_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_refunds" ADD CONSTRAINT "stripe_refunds_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stripe_events_type_idx" ON "stripe_events" USING btree ("type");--> statement-breakpoint
CREATE INDEX "stripe_refunds_donation_idx" ON "stripe_refunds" USING btree ("donation_id");--> statement-breakpoint
CREATE INDEX "campaign_updates_campaign_idx" ON "campaign_updates" USING btree ("campaign_id","published_at");--> statement-breakpoint
CREATE INDEX "outbox_status_idx" ON "outbox_messages" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_recurring_gift_id_recurring_gifts_id_fk" FOREIGN KEY ("recurring_gift_id") REFERENCES "public"."recurring_gifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_checkout_session_id_unique" UNIQUE("checkout_session_id");--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_payment_intent_id_unique" UNIQUE("payment_intent_id");--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_charge_id_unique" UNIQUE("charge_id");--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_invoice_id_unique" UNIQUE("invoice_id");--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_cover_fee_range" CHECK ("donations"."cover_fee_cents" >= 0 AND "donations"."cover_fee_cents" < "donations"."amount_cents");--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_refunded_range" CHECK ("donations"."refunded_cents" >= 0 AND "donations"."refunded_cents" <= "donations"."amount_cents");--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_fee_non_negative" CHECK ("donations"."fee_cents" IS NULL OR "donations"."fee_cents" >= 0);