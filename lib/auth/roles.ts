/** Roles and the guards every page, server action and route handler calls itself (the proxy is only a convenience). */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { ROLES, userRoles, users, type Role } from "@/db/schema";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";

export interface Principal {
  userId: string;
  roles: Role[];
}

export async function rolesOf(db: Db, userId: string): Promise<Role[]> {
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((r) => r.role).sort();
}

/** Throws unauthorized for nobody, forbidden for the wrong role; returns the principal otherwise. */
export function requireRole(p: Principal | null, ...anyOf: Role[]): Principal {
  if (!p) throw new AppError("unauthorized", "Please sign in to continue.");
  if (anyOf.length && !anyOf.some((r) => p.roles.includes(r))) {
    throw new AppError("forbidden", `This page is for ${anyOf.join(" or ")} accounts.`);
  }
  return p;
}

const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254, "Email address is too long."));

export async function grantRole(db: Db, input: { email: string; role: Role; actorUserId: string | null }): Promise<{ userId: string; created: boolean }> {
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) throw new AppError("validation", parsed.error.issues[0]!.message);
  const email = parsed.data;
  if (!ROLES.includes(input.role)) throw new AppError("validation", `Unknown role "${String(input.role)}".`);
  return db.transaction(async (tx) => {
    let [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    const created = !user;
    if (!user) [user] = await tx.insert(users).values({ email }).returning({ id: users.id });
    const inserted = await tx
      .insert(userRoles)
      .values({ userId: user!.id, role: input.role, grantedBy: input.actorUserId })
      .onConflictDoNothing()
      .returning({ role: userRoles.role });
    if (inserted.length) {
      await audit(tx, { actorUserId: input.actorUserId, action: "role.granted", subjectType: "user", subjectId: user!.id, details: { role: input.role } });
    }
    return { userId: user!.id, created };
  });
}

export async function revokeRole(db: Db, input: { userId: string; role: Role; actorUserId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(userRoles)
      .where(and(eq(userRoles.userId, input.userId), eq(userRoles.role, input.role)))
      .returning({ role: userRoles.role });
    if (removed.length) {
      await audit(tx, { actorUserId: input.actorUserId, action: "role.revoked", subjectType: "user", subjectId: input.userId, details: { role: input.role } });
    }
  });
}
