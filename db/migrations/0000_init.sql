CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'in_review', 'live', 'funded', 'bond_requested', 'bond_posted', 'closed', 'paused', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."bond_status" AS ENUM('requested', 'approved', 'paid', 'posted', 'cancelled', 'refund_claimed', 'refunded', 'breached', 'appealed', 'forfeited');--> statement-breakpoint
CREATE TYPE "public"."donation_status" AS ENUM('pending', 'succeeded', 'failed', 'expired', 'partially_refunded', 'refunded', 'disputed');--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"alias" text NOT NULL,
	"region" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"detention_month" text,
	"goal_cents" bigint NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_slug_unique" UNIQUE("slug"),
	CONSTRAINT "campaigns_goal_positive" CHECK ("campaigns"."goal_cents" > 0 AND "campaigns"."goal_cents" <= 10000000000),
	CONSTRAINT "campaigns_detention_month_format" CHECK ("campaigns"."detention_month" IS NULL OR "campaigns"."detention_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "campaigns_slug_format" CHECK ("campaigns"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "bonds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"status" "bond_status" DEFAULT 'requested' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bonds_amount_positive" CHECK ("bonds"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"display_name" text,
	"email" text,
	"redirect_consent" boolean DEFAULT false NOT NULL,
	"status" "donation_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_amount_positive" CHECK ("donations"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "journal_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"memo" text DEFAULT '' NOT NULL,
	"content_hash" text NOT NULL,
	"reverses_entry_id" bigint,
	"campaign_id" uuid,
	"refs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"effective_at" timestamp with time zone DEFAULT now() NOT NULL,
	"txid" bigint DEFAULT txid_current() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "journal_entries_reverses_entry_id_unique" UNIQUE("reverses_entry_id"),
	CONSTRAINT "journal_entries_key_length" CHECK (length("journal_entries"."idempotency_key") BETWEEN 1 AND 255)
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"normal_sign" smallint NOT NULL,
	"allow_negative" boolean NOT NULL,
	"campaign_id" uuid,
	"bond_id" uuid,
	"balance" bigint DEFAULT 0 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_non_negative" CHECK ("ledger_accounts"."allow_negative" OR "ledger_accounts"."balance" >= 0),
	CONSTRAINT "ledger_accounts_kind_sign" CHECK (("ledger_accounts"."kind" = 'asset' AND "ledger_accounts"."normal_sign" = 1) OR ("ledger_accounts"."kind" = 'fund' AND "ledger_accounts"."normal_sign" = -1)),
	CONSTRAINT "ledger_accounts_code_format" CHECK (("ledger_accounts"."code" IN ('stripe', 'bank') AND "ledger_accounts"."kind" = 'asset' AND "ledger_accounts"."campaign_id" IS NULL AND "ledger_accounts"."bond_id" IS NULL)
        OR ("ledger_accounts"."code" IN ('general', 'bonds_outstanding') AND "ledger_accounts"."kind" = 'fund' AND NOT "ledger_accounts"."allow_negative" AND "ledger_accounts"."campaign_id" IS NULL AND "ledger_accounts"."bond_id" IS NULL)
        OR ("ledger_accounts"."campaign_id" IS NOT NULL AND "ledger_accounts"."bond_id" IS NULL AND "ledger_accounts"."code" = 'campaign:' || "ledger_accounts"."campaign_id"::text AND "ledger_accounts"."kind" = 'fund' AND NOT "ledger_accounts"."allow_negative")
        OR ("ledger_accounts"."bond_id" IS NOT NULL AND "ledger_accounts"."campaign_id" IS NULL AND "ledger_accounts"."code" = 'bond:' || "ledger_accounts"."bond_id"::text AND "ledger_accounts"."kind" = 'asset' AND NOT "ledger_accounts"."allow_negative"))
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" bigint NOT NULL,
	"account_code" text NOT NULL,
	"amount" bigint NOT NULL,
	"balance_after" bigint DEFAULT 0 NOT NULL,
	"account_version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_postings_account_version" UNIQUE("account_code","account_version"),
	CONSTRAINT "ledger_postings_amount_nonzero" CHECK ("ledger_postings"."amount" <> 0)
);
--> statement-breakpoint
ALTER TABLE "bonds" ADD CONSTRAINT "bonds_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_reverses_entry_id_journal_entries_id_fk" FOREIGN KEY ("reverses_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_bond_id_bonds_id_fk" FOREIGN KEY ("bond_id") REFERENCES "public"."bonds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_account_code_ledger_accounts_code_fk" FOREIGN KEY ("account_code") REFERENCES "public"."ledger_accounts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("status");--> statement-breakpoint
CREATE INDEX "bonds_campaign_idx" ON "bonds" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "donations_campaign_idx" ON "donations" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "journal_entries_campaign_idx" ON "journal_entries" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "journal_entries_kind_effective_idx" ON "journal_entries" USING btree ("kind","effective_at");--> statement-breakpoint
CREATE INDEX "ledger_postings_entry_idx" ON "ledger_postings" USING btree ("entry_id");