-- Passkeys (WebAuthn) as the second factor after the magic link (issue 11).
-- 1. webauthn_credentials: one row per passkey (credential id and public key in
--    base64url, the signature counter, transports, a label the owner chose).
-- 2. webauthn_challenges: server-side challenges, bound to one session and one
--    purpose, single use (deleted when consumed) and short-lived.
-- 3. recovery_codes: ten single-use codes per person, stored as scrypt hashes.
-- 4. sessions.second_factor_at: when this session proved the second factor
--    (NULL: not yet); deleted with the session.
CREATE TABLE "webauthn_credentials" (
  "id" text PRIMARY KEY NOT NULL,
  "user_id" text NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
  "public_key" text NOT NULL,
  "counter" bigint DEFAULT 0 NOT NULL,
  "transports" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "label" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "last_used_at" timestamp with time zone,
  CONSTRAINT "webauthn_credentials_label_length" CHECK (char_length("label") BETWEEN 1 AND 60),
  CONSTRAINT "webauthn_credentials_counter_nonnegative" CHECK ("counter" >= 0)
);
--> statement-breakpoint
CREATE INDEX "webauthn_credentials_user_idx" ON "webauthn_credentials" ("user_id");
--> statement-breakpoint
CREATE TABLE "webauthn_challenges" (
  "challenge" text PRIMARY KEY NOT NULL,
  "session_key" text NOT NULL,
  "user_id" text NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
  "purpose" text NOT NULL,
  "expires_at" timestamp with time zone NOT NULL,
  CONSTRAINT "webauthn_challenges_purpose" CHECK ("purpose" IN ('register', 'authenticate'))
);
--> statement-breakpoint
CREATE INDEX "webauthn_challenges_session_idx" ON "webauthn_challenges" ("session_key");
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" text NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
  "salt" text NOT NULL,
  "code_hash" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "recovery_codes_user_idx" ON "recovery_codes" ("user_id");
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "second_factor_at" timestamp with time zone;
