-- A deposited check that the bank returns (it bounced) is undone by matching the bank's withdrawal
-- line to it: the bank gives the money back to undeposited funds (entry kind deposit) and the gift
-- leaves its campaign (entry kind offline_gift, the campaign first and what it no longer holds
-- from the general pool). The gift is then reversed like a recording mistake, with the line that
-- returned it; only a deposited gift is returned, and one line returns one gift.
ALTER TABLE "offline_gifts" ADD COLUMN "return_bank_line_id" uuid REFERENCES "bank_statement_lines"("id");
--> statement-breakpoint
ALTER TABLE "offline_gifts" ADD COLUMN "return_entry_id" bigint REFERENCES "journal_entries"("id");
--> statement-breakpoint
ALTER TABLE "offline_gifts" DROP CONSTRAINT "offline_gifts_deposited_or_reversed";
--> statement-breakpoint
ALTER TABLE "offline_gifts" ADD CONSTRAINT "offline_gifts_deposited_or_reversed"
  CHECK ("deposit_id" IS NULL OR "reversed_at" IS NULL OR "return_bank_line_id" IS NOT NULL);
--> statement-breakpoint
ALTER TABLE "offline_gifts" ADD CONSTRAINT "offline_gifts_return_complete"
  CHECK ("return_bank_line_id" IS NULL
         OR ("deposit_id" IS NOT NULL AND "reversed_at" IS NOT NULL AND "return_entry_id" IS NOT NULL));
--> statement-breakpoint
CREATE UNIQUE INDEX "offline_gifts_one_return_per_line" ON "offline_gifts" ("return_bank_line_id")
  WHERE "return_bank_line_id" IS NOT NULL;
