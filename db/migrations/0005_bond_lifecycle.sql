CREATE TABLE "bond_appearances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bond_id" uuid NOT NULL,
	"demanded_for" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bond_approvals" (
	"bond_id" uuid NOT NULL,
	"approver_user_id" text NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bond_approvals_bond_id_approver_user_id_pk" PRIMARY KEY("bond_id","approver_user_id")
);
--> statement-breakpoint
CREATE TABLE "interest_rates" (
	"quarter_start" date PRIMARY KEY NOT NULL,
	"rate_bps" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interest_rates_range" CHECK ("interest_rates"."rate_bps" BETWEEN 0 AND 300),
	CONSTRAINT "interest_rates_quarter_start" CHECK (extract(day from "interest_rates"."quarter_start") = 1 AND extract(month from "interest_rates"."quarter_start") IN (1, 4, 7, 10))
);
--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "top_up_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "requested_by" text;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "payment_method" text;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "trace_number" text;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "paid_on" date;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "i305_number" text;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "posted_on" date;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "obligor_kind" text;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "obligor_user_id" text;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "i391_on" date;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "refund_claimed_on" date;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "refund_claim_contents" text;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "refunded_on" date;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "refund_received_cents" bigint;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "interest_expected_cents" bigint;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "i323_on" date;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "appeal_filed_on" date;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "forfeited_on" date;--> statement-breakpoint
ALTER TABLE "bonds" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "bond_appearances" ADD CONSTRAINT "bond_appearances_bond_id_bonds_id_fk" FOREIGN KEY ("bond_id") REFERENCES "public"."bonds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bond_approvals" ADD CONSTRAINT "bond_approvals_bond_id_bonds_id_fk" FOREIGN KEY ("bond_id") REFERENCES "public"."bonds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bond_approvals" ADD CONSTRAINT "bond_approvals_approver_user_id_users_id_fk" FOREIGN KEY ("approver_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonds" ADD CONSTRAINT "bonds_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonds" ADD CONSTRAINT "bonds_obligor_user_id_users_id_fk" FOREIGN KEY ("obligor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bonds_status_idx" ON "bonds" USING btree ("status");--> statement-breakpoint
ALTER TABLE "bonds" ADD CONSTRAINT "bonds_i305_number_unique" UNIQUE("i305_number");--> statement-breakpoint
ALTER TABLE "bonds" ADD CONSTRAINT "bonds_top_up_range" CHECK ("bonds"."top_up_cents" >= 0 AND "bonds"."top_up_cents" <= "bonds"."amount_cents");--> statement-breakpoint
ALTER TABLE "bonds" ADD CONSTRAINT "bonds_dates_ordered" CHECK (("bonds"."posted_on" IS NULL OR "bonds"."paid_on" IS NULL OR "bonds"."posted_on" >= "bonds"."paid_on")
      AND ("bonds"."i391_on" IS NULL OR "bonds"."i391_on" >= "bonds"."posted_on")
      AND ("bonds"."refund_claimed_on" IS NULL OR "bonds"."refund_claimed_on" >= "bonds"."i391_on")
      AND ("bonds"."refunded_on" IS NULL OR "bonds"."refunded_on" >= "bonds"."refund_claimed_on")
      AND ("bonds"."i323_on" IS NULL OR "bonds"."i323_on" >= "bonds"."posted_on"));