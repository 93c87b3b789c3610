/** What every passkey step shares: the caller's session, the audit trail, and the response shapes it accepts. */
import { and, eq, gt } from "drizzle-orm";
import { decodeClientDataJSON } from "@simplewebauthn/server/helpers";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

export interface PasskeyContext {
  db: Db;
  me: Principal | null;
  /** This request's session token (lib/auth/session-cookie.ts). */
  sessionToken: string | undefined;
  now?: Date;
}

export function signedIn(ctx: PasskeyContext): { me: Principal; token: string; now: Date } {
  if (!ctx.me || !ctx.sessionToken) throw new AppError("unauthorized", "Please sign in to continue.");
  return { me: ctx.me, token: ctx.sessionToken, now: ctx.now ?? new Date() };
}

/** This session has proved the second factor (only the session's own row, and only while it lives). */
export async function markSessionVerified(db: Db, token: string, userId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ secondFactorAt: now })
    .where(and(eq(sessions.sessionToken, token), eq(sessions.userId, userId), gt(sessions.expires, now)));
}

export async function auditPasskey(
  db: Db,
  userId: string,
  action: string,
  details: Record<string, string | number | boolean | null> = {},
  actorUserId: string | null = userId,
): Promise<void> {
  await audit(db, { actorUserId, action, subjectType: "user", subjectId: userId, details });
}

/** A credential's short, non-secret name in the audit log. */
export const credentialRef = (id: string): string => id.slice(0, 16);

const b64url = z
  .string()
  .max(16_384, "The passkey's answer is too long.")
  .regex(/^[A-Za-z0-9_-]*$/, "The passkey's answer is malformed.");
const base = {
  id: b64url.min(1).max(1_400),
  rawId: b64url.min(1).max(1_400),
  type: z.literal("public-key"),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
};

export const registrationResponseSchema = z.object({
  ...base,
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url.optional(),
    authenticatorData: b64url.optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  ...base,
  response: z.object({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
});

/** The challenge the browser signed (verified against the stored one by SimpleWebAuthn afterwards). */
export function challengeOf(clientDataJSON: string): string {
  try {
    const c = decodeClientDataJSON(clientDataJSON).challenge;
    if (typeof c === "string" && c.length > 0 && c.length < 200) return c;
  } catch {
    // fall through
  }
  throw new AppError("validation", "The passkey's answer is malformed. Start again.");
}

export const EXPIRED = "This passkey request has expired or was already used. Start again.";
