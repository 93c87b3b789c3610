CREATE TABLE "stripe_balance_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"payout_id" text,
	"type" text NOT NULL,
	"source_id" text,
	"amount_cents" bigint NOT NULL,
	"fee_cents" bigint NOT NULL,
	"net_cents" bigint NOT NULL,
	"stripe_created_at" timestamp with time zone NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stripe_bt_payout_idx" ON "stripe_balance_transactions" USING btree ("payout_id");--> statement-breakpoint
CREATE INDEX "stripe_bt_source_idx" ON "stripe_balance_transactions" USING btree ("source_id");