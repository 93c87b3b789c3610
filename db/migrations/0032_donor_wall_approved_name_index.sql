-- The donor wall shows a name once an admin approved it, on that gift or on an earlier charge of
-- the same monthly gift with the same name (lib/campaigns/campaign-page.ts). That second test, an
-- EXISTS over donations by recurring gift and name, had no index: each cache miss of a campaign
-- page scanned every donation (80-150 ms at 500,000 donations, 0.1 ms with this index; issue 16
-- item 3, a cache miss flat in data size). Partial: only approved names are ever looked up.
CREATE INDEX "donations_approved_name_idx" ON "donations" ("recurring_gift_id", "display_name")
  WHERE "display_name_review" = 'approved';
