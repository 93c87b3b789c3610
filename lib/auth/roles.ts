/** Roles and the guards every page, server action and route handler calls itself (the proxy is only a convenience). */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { ROLES, userRoles, users, type Role } from "@/db/schema";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { isPending, type SecondFactor } from "./second-factor";

export interface Principal {
  userId: string;
  roles: Role[];
  /**
   * Set on every principal built from a request's session (currentPrincipal). Absent only on
   * principals that server code builds itself (scripts, tests), which no request can reach.
   */
  secondFactor?: SecondFactor;
  /** A pending session's roles, for its passkey page only: `roles` is empty until it proves the second factor. */
  pendingRoles?: Role[];
}

/** The principal of a session: one that has not proved its second factor yet holds no role at all. */
export function sessionPrincipal(userId: string, roles: Role[], secondFactor: SecondFactor): Principal {
  return isPending(secondFactor)
    ? { userId, roles: [], secondFactor, pendingRoles: roles }
    : { userId, roles, secondFactor };
}

export const SECOND_FACTOR_MESSAGE = "Confirm it is you with your passkey first.";

/** The refusal of a session that has not proved its second factor (pages send it to /sign-in/passkey). */
export function isSecondFactorRefusal(e: unknown): boolean {
  return e instanceof AppError && e.code === "unauthorized" && Boolean(e.details?.secondFactor);
}

export async function rolesOf(db: Db, userId: string): Promise<Role[]> {
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((r) => r.role).sort();
}

/**
 * Throws unauthorized for nobody and for a session that has not proved its second factor
 * (whatever roles are asked for, none included), forbidden for the wrong role; returns the
 * principal otherwise.
 */
export function requireRole(p: Principal | null, ...anyOf: Role[]): Principal {
  if (!p) throw new AppError("unauthorized", "Please sign in to continue.");
  if (isPending(p.secondFactor))
    throw new AppError("unauthorized", SECOND_FACTOR_MESSAGE, { secondFactor: p.secondFactor });
  if (anyOf.length && !anyOf.some((r) => p.roles.includes(r))) {
    throw new AppError("forbidden", `This page is for ${anyOf.join(" or ")} accounts.`);
  }
  return p;
}

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "Email address is too long."));

/** The user with this email, created if new (Auth.js would create it at first sign-in too). */
export async function ensureUser(db: Db, rawEmail: string): Promise<{ userId: string; created: boolean }> {
  const parsed = emailSchema.safeParse(rawEmail);
  if (!parsed.success) throw new AppError("validation", parsed.error.issues[0]!.message);
  const email = parsed.data;
  const [found] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (found) return { userId: found.id, created: false };
  await db.insert(users).values({ email }).onConflictDoNothing({ target: users.email });
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { userId: row!.id, created: true };
}

export async function grantRole(
  db: Db,
  input: { email: string; role: Role; actorUserId: string | null },
): Promise<{ userId: string; created: boolean }> {
  if (!ROLES.includes(input.role)) throw new AppError("validation", `Unknown role "${String(input.role)}".`);
  return db.transaction(async (tx) => {
    const { userId, created } = await ensureUser(tx, input.email);
    const user = { id: userId };
    const inserted = await tx
      .insert(userRoles)
      .values({ userId: user.id, role: input.role, grantedBy: input.actorUserId })
      .onConflictDoNothing()
      .returning({ role: userRoles.role });
    if (inserted.length) {
      await audit(tx, {
        actorUserId: input.actorUserId,
        action: "role.granted",
        subjectType: "user",
        subjectId: user.id,
        details: { role: input.role },
      });
    }
    return { userId: user.id, created };
  });
}

export async function revokeRole(db: Db, input: { userId: string; role: Role; actorUserId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(userRoles)
      .where(and(eq(userRoles.userId, input.userId), eq(userRoles.role, input.role)))
      .returning({ role: userRoles.role });
    if (removed.length) {
      await audit(tx, {
        actorUserId: input.actorUserId,
        action: "role.revoked",
        subjectType: "user",
        subjectId: input.userId,
        details: { role: input.role },
      });
    }
  });
}
