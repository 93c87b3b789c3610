/**
 * A staff member's own sessions (Auth.js database sessions): list and revoke. The session token
 * never leaves the server; each session is named by a short hash of it.
 */
import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";

export interface MySession {
  /** A stable, non-secret name for the session: a prefix of the token's sha256. */
  id: string;
  createdAt: Date;
  expires: Date;
  /** The session of this very request. */
  current: boolean;
}

export const sessionId = (token: string): string => createHash("sha256").update(token).digest("hex").slice(0, 20);

async function mine(db: Db, userId: string) {
  return db
    .select({ token: sessions.sessionToken, createdAt: sessions.createdAt, expires: sessions.expires })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), sql`${sessions.expires} > now()`))
    .orderBy(asc(sessions.createdAt));
}

export async function listMySessions(db: Db, actor: Principal | null, currentToken?: string): Promise<MySession[]> {
  const me = requireRole(actor);
  return (await mine(db, me.userId)).map((s) => ({
    id: sessionId(s.token),
    createdAt: s.createdAt,
    expires: s.expires,
    current: s.token === currentToken,
  }));
}

const revokeSchema = z.object({
  sessionId: z.string().regex(/^[0-9a-f]{20}$/, "Choose a session from the list."),
});

/** Ends one of the caller's own sessions (another person's cannot be named: the lookup is by owner). */
export async function revokeMySession(db: Db, actor: Principal | null, input: unknown): Promise<void> {
  const me = requireRole(actor);
  const { sessionId: id } = parseOrThrow(revokeSchema, input);
  const hit = (await mine(db, me.userId)).find((s) => sessionId(s.token) === id);
  if (!hit) throw new AppError("not_found", "This session has already ended.");
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(and(eq(sessions.sessionToken, hit.token), eq(sessions.userId, me.userId)));
    await audit(tx, {
      actorUserId: me.userId,
      action: "session.revoked",
      subjectType: "user",
      subjectId: me.userId,
      details: { session: id },
    });
  });
}
