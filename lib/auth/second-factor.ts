/**
 * The second factor after the magic link (issue 11): where a session stands. Admins and
 * treasurers must have a passkey; anyone who has one (a lawyer who enrolled) must use it.
 * A session that has not yet proved it is "pending": lib/auth/roles.ts gives it no role and
 * requireRole refuses it everywhere, so it reaches only the passkey page and sign-out.
 */
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webauthnCredentials, type Role } from "@/db/schema";

/** verified: this session proved it; not_required: no passkey and no role that needs one; enrol / verify: pending. */
export type SecondFactor = "verified" | "not_required" | "enrol" | "verify";

/** The roles that must sign in with a passkey. */
export const PASSKEY_ROLES: readonly Role[] = ["admin", "treasurer"];

export const needsPasskey = (roles: readonly Role[]): boolean => roles.some((r) => PASSKEY_ROLES.includes(r));

export const isPending = (s: SecondFactor | undefined): s is "enrol" | "verify" => s === "enrol" || s === "verify";

export async function passkeyCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId));
  return Number(row?.n ?? 0);
}

export async function secondFactorState(
  db: Db,
  o: { userId: string; roles: readonly Role[]; verifiedAt: Date | string | null | undefined },
): Promise<SecondFactor> {
  if (o.verifiedAt) return "verified";
  if ((await passkeyCount(db, o.userId)) > 0) return "verify";
  return needsPasskey(o.roles) ? "enrol" : "not_required";
}
