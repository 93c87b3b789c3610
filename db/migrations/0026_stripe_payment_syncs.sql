-- One row per Stripe payment the webhook has synced: a counter bumped by every sync, under the
-- payment's lock. A webhook reads Stripe before it takes that lock; it applies what it read only if
-- the counter is still what it was before the read (no other sync of the payment committed in
-- between), and otherwise reads Stripe again under the lock, so an older state never overwrites a
-- newer one.
CREATE TABLE "stripe_payment_syncs" (
  "payment_intent" text PRIMARY KEY,
  "version" bigint NOT NULL CHECK ("version" > 0)
);
