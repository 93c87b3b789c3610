-- One random id per database, made when the database is migrated. Cached public figures are keyed
-- by it, so a server started on another database (a fresh demo, a restore, the browser tests'
-- servers sharing one build) never serves figures computed from the old one: Next.js keeps its
-- data cache on disk with the build, not with the database.
CREATE TABLE "database_identity" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "created_at" timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
INSERT INTO "database_identity" DEFAULT VALUES;
