-- The name and address Checkout collected for a monthly gift of $5,000 or more (Schedule B), sealed
-- like a one-off gift's (donor_contact_details) and bound to the monthly gift: its months are
-- booked later, one donation per paid invoice, and each of them is that gift.
CREATE TABLE "recurring_gift_contacts" (
  "recurring_gift_id" uuid PRIMARY KEY REFERENCES "recurring_gifts"("id"),
  "envelope" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL DEFAULT now()
);
