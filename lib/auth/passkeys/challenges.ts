/**
 * WebAuthn challenges, kept server side: bound to the session that asked and to one purpose,
 * valid five minutes, and single use (consuming one deletes it, so a replayed response finds
 * nothing). A new request replaces the session's previous challenge of that purpose.
 */
import { and, eq, gt, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webauthnChallenges } from "@/db/schema";
import { sessionKey } from "@/lib/auth/session-cookie";

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

export type ChallengePurpose = "register" | "authenticate";

interface Owner {
  sessionToken: string;
  userId: string;
  purpose: ChallengePurpose;
}

export async function storeChallenge(db: Db, o: Owner & { challenge: string }, now = new Date()): Promise<void> {
  const key = sessionKey(o.sessionToken);
  await db
    .delete(webauthnChallenges)
    .where(
      or(
        and(eq(webauthnChallenges.sessionKey, key), eq(webauthnChallenges.purpose, o.purpose)),
        lt(webauthnChallenges.expiresAt, now),
      ),
    );
  await db.insert(webauthnChallenges).values({
    challenge: o.challenge,
    sessionKey: key,
    userId: o.userId,
    purpose: o.purpose,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
  });
}

/** Deletes the challenge and tells whether it was this session's, for this purpose, and still valid. */
export async function takeChallenge(db: Db, o: Owner & { challenge: string }, now = new Date()): Promise<boolean> {
  const taken = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.challenge, o.challenge),
        eq(webauthnChallenges.sessionKey, sessionKey(o.sessionToken)),
        eq(webauthnChallenges.userId, o.userId),
        eq(webauthnChallenges.purpose, o.purpose),
        gt(webauthnChallenges.expiresAt, now),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });
  return taken.length === 1;
}
