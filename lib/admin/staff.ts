/**
 * Staff administration for admins (issue 11): invite by email with a role, change roles,
 * remove. Every change is in the audit log. The fund never loses its last admin, and an admin
 * cannot take away their own admin role (another admin must), so nobody locks the fund out.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { ROLES, sessions, userRoles, users, type Role } from "@/db/schema";
import { audit } from "@/lib/audit";
import { ensureUser, requireRole, type Principal } from "@/lib/auth/roles";
import { appUrl } from "@/lib/app-origin";
import { passkeyCounts } from "@/lib/auth/passkeys/manage";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { parseOrThrow } from "@/lib/validation";

export interface StaffRow {
  userId: string;
  email: string;
  roles: Role[];
  /** Sessions that are still valid now. */
  activeSessions: number;
  /** Passkeys enrolled (lib/auth/passkeys). */
  passkeys: number;
}

export async function listStaff(db: Db, actor: Principal | null): Promise<StaffRow[]> {
  requireRole(actor, "admin");
  const rows = await db
    .select({ userId: users.id, email: users.email, role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .orderBy(asc(users.email), asc(userRoles.role));
  const byUser = new Map<string, StaffRow>();
  for (const r of rows) {
    const row = byUser.get(r.userId) ?? {
      userId: r.userId,
      email: r.email ?? "—",
      roles: [],
      activeSessions: 0,
      passkeys: 0,
    };
    row.roles.push(r.role);
    byUser.set(r.userId, row);
  }
  if (byUser.size) {
    const counts = await db
      .select({ userId: sessions.userId, n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(and(inArray(sessions.userId, [...byUser.keys()]), sql`${sessions.expires} > now()`))
      .groupBy(sessions.userId);
    for (const c of counts) byUser.get(c.userId)!.activeSessions = Number(c.n);
    for (const [userId, n] of await passkeyCounts(db, [...byUser.keys()])) byUser.get(userId)!.passkeys = n;
  }
  return [...byUser.values()];
}

const roleSchema = z.enum(ROLES, "Choose a role: lawyer, treasurer or admin.");
const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address.").max(254, "Email address is too long.")),
  role: roleSchema,
});
const rolesSchema = z.object({
  userId: z.string().trim().min(1, "Choose a staff member.").max(100, "Choose a staff member."),
  roles: z.array(roleSchema).max(3),
});

function inviteMail(role: Role): { subject: string; text: string; html: string } {
  const fund = env().FUND_NAME;
  const url = appUrl("/sign-in");
  const subject = `You are invited to ${fund}`;
  const text = `A fund administrator gave you the ${role} role at ${fund}.\n\nSign in with this email address at ${url} : we will send you a sign-in link.\n\nIf you did not expect this, ignore this message.`;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const html = `<p>A fund administrator gave you the ${role} role at ${esc(fund)}.</p><p><a href="${esc(url)}">Sign in</a> with this email address: we will send you a sign-in link.</p><p>If you did not expect this, ignore this message.</p>`;
  return { subject, text, html };
}

/** Grants the role (creating the user if new) and queues an invitation through the outbox. */
export async function inviteStaff(db: Db, actor: Principal | null, input: unknown): Promise<{ userId: string }> {
  const admin = requireRole(actor, "admin");
  const { email, role } = parseOrThrow(inviteSchema, input);
  return db.transaction(async (tx) => {
    const { userId } = await ensureUser(tx, email);
    const added = await tx
      .insert(userRoles)
      .values({ userId, role, grantedBy: admin.userId })
      .onConflictDoNothing()
      .returning({ role: userRoles.role });
    if (!added.length) throw new AppError("conflict", `This person already has the ${role} role.`);
    await audit(tx, {
      actorUserId: admin.userId,
      action: "role.granted",
      subjectType: "user",
      subjectId: userId,
      details: { role, via: "invite" },
    });
    await enqueueMail(tx, {
      dedupeKey: `invite:${userId}:${role}:${Date.now()}`,
      kind: "notice",
      to: email,
      ...inviteMail(role),
    });
    return { userId };
  });
}

/** Sets a staff member's roles to exactly `roles`; [] removes them from the staff and ends their sessions. */
export async function setStaffRoles(
  db: Db,
  actor: Principal | null,
  input: unknown,
): Promise<{ added: Role[]; removed: Role[] }> {
  const admin = requireRole(actor, "admin");
  const { userId, roles } = parseOrThrow(rolesSchema, input);
  const wanted = new Set(roles);
  return db.transaction(async (tx) => {
    // Lock every admin grant: two admins demoting each other at once cannot both succeed.
    const admins = await tx
      .select({ userId: userRoles.userId })
      .from(userRoles)
      .where(eq(userRoles.role, "admin"))
      .for("update");
    if (!admins.some((a) => a.userId === admin.userId)) throw new AppError("forbidden", "You are no longer an admin.");
    const current = (await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map(
      (r) => r.role,
    );
    if (!current.length) throw new AppError("not_found", "This person is not on the staff.");
    const removed = current.filter((r) => !wanted.has(r));
    const added = [...wanted].filter((r) => !current.includes(r));
    if (removed.includes("admin")) {
      if (userId === admin.userId)
        throw new AppError("forbidden", "You cannot remove your own admin role. Ask another admin to do it.");
      if (admins.length <= 1) throw new AppError("conflict", "The fund must keep at least one admin.");
    }
    if (removed.length)
      await tx.delete(userRoles).where(and(eq(userRoles.userId, userId), inArray(userRoles.role, removed)));
    if (added.length)
      await tx.insert(userRoles).values(added.map((role) => ({ userId, role, grantedBy: admin.userId })));
    for (const role of removed)
      await audit(tx, {
        actorUserId: admin.userId,
        action: "role.revoked",
        subjectType: "user",
        subjectId: userId,
        details: { role },
      });
    for (const role of added)
      await audit(tx, {
        actorUserId: admin.userId,
        action: "role.granted",
        subjectType: "user",
        subjectId: userId,
        details: { role },
      });
    if (wanted.size === 0) {
      // Removed from the staff: signed out everywhere at once, not when the session expires.
      const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ t: sessions.userId });
      await audit(tx, {
        actorUserId: admin.userId,
        action: "staff.removed",
        subjectType: "user",
        subjectId: userId,
        details: { sessionsEnded: ended.length },
      });
    }
    return { added, removed };
  });
}
