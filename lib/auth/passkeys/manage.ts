/**
 * A staff member's own passkeys on /account (list, remove, new recovery codes) and an admin's
 * reset for a lost device on /admin/staff. All in the audit log. Admins and treasurers always
 * keep one passkey; a reset (by another admin) also ends every session of that person, so the
 * lost device is signed out and the next sign-in enrols a new passkey.
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recoveryCodes, sessions, userRoles, webauthnCredentials } from "@/db/schema";
import { requireRole, rolesOf, type Principal } from "@/lib/auth/roles";
import { needsPasskey, passkeyCount } from "@/lib/auth/second-factor";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { auditPasskey, credentialRef } from "./context";
import { remainingRecoveryCodes, replaceRecoveryCodes } from "./recovery-codes";

export interface PasskeyRow {
  id: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function myPasskeys(
  db: Db,
  actor: Principal | null,
): Promise<{ passkeys: PasskeyRow[]; codesLeft: number; mustKeepOne: boolean }> {
  const me = requireRole(actor);
  const passkeys = await db
    .select({
      id: webauthnCredentials.id,
      label: webauthnCredentials.label,
      createdAt: webauthnCredentials.createdAt,
      lastUsedAt: webauthnCredentials.lastUsedAt,
    })
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, me.userId))
    .orderBy(asc(webauthnCredentials.createdAt));
  return {
    passkeys,
    codesLeft: await remainingRecoveryCodes(db, me.userId),
    mustKeepOne: needsPasskey(await rolesOf(db, me.userId)),
  };
}

const idSchema = z.object({
  credentialId: z
    .string()
    .min(1, "Choose a passkey from the list.")
    .max(1_400, "Choose a passkey from the list.")
    .regex(/^[A-Za-z0-9_-]+$/, "Choose a passkey from the list."),
});

export async function removeMyPasskey(db: Db, actor: Principal | null, input: unknown): Promise<void> {
  const me = requireRole(actor);
  const { credentialId } = parseOrThrow(idSchema, input);
  await db.transaction(async (tx) => {
    const mine = await tx
      .select({ id: webauthnCredentials.id })
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.userId, me.userId))
      .for("update");
    if (!mine.some((c) => c.id === credentialId)) throw new AppError("not_found", "This passkey is already gone.");
    if (mine.length === 1 && needsPasskey(await rolesOf(tx, me.userId)))
      throw new AppError(
        "conflict",
        "Admins and treasurers must keep a passkey: add another one before removing this one.",
      );
    await tx
      .delete(webauthnCredentials)
      .where(and(eq(webauthnCredentials.id, credentialId), eq(webauthnCredentials.userId, me.userId)));
    // Without a passkey, recovery codes would be a second factor on their own: they go too.
    if (mine.length === 1) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, me.userId));
    await auditPasskey(tx, me.userId, "passkey.removed", {
      credential: credentialRef(credentialId),
      passkeys: mine.length - 1,
    });
  });
}

/** A new set of ten codes (the old ones stop working), returned once. */
export async function regenerateMyRecoveryCodes(db: Db, actor: Principal | null): Promise<string[]> {
  const me = requireRole(actor);
  if ((await passkeyCount(db, me.userId)) === 0)
    throw new AppError("conflict", "Add a passkey first: recovery codes stand in for a passkey you lost.");
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, me.userId);
    await auditPasskey(tx, me.userId, "recovery_code.regenerated", { codes: codes.length });
    return codes;
  });
}

const resetSchema = z.object({
  userId: z.string().trim().min(1, "Choose a staff member.").max(100, "Choose a staff member."),
});

/** For a lost device: every passkey and recovery code of that person removed, every session ended. */
export async function resetStaffPasskeys(
  db: Db,
  actor: Principal | null,
  input: unknown,
): Promise<{ passkeys: number; sessionsEnded: number }> {
  const admin = requireRole(actor, "admin");
  const { userId } = parseOrThrow(resetSchema, input);
  if (userId === admin.userId)
    throw new AppError("forbidden", "You cannot reset your own passkeys. Ask another admin, or use a recovery code.");
  return db.transaction(async (tx) => {
    const staff = await tx.select({ n: count() }).from(userRoles).where(eq(userRoles.userId, userId));
    if (!Number(staff[0]?.n)) throw new AppError("not_found", "This person is not on the staff.");
    const removed = await tx
      .delete(webauthnCredentials)
      .where(eq(webauthnCredentials.userId, userId))
      .returning({ id: webauthnCredentials.id });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ t: sessions.userId });
    const result = { passkeys: removed.length, sessionsEnded: ended.length };
    await auditPasskey(tx, userId, "passkey.reset", result, admin.userId);
    return result;
  });
}

/** Passkeys per staff member, for the admin's staff list. */
export async function passkeyCounts(db: Db, userIds: string[]): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ userId: webauthnCredentials.userId, n: count() })
    .from(webauthnCredentials)
    .where(inArray(webauthnCredentials.userId, userIds))
    .groupBy(webauthnCredentials.userId);
  return new Map(rows.map((r) => [r.userId, Number(r.n)]));
}
