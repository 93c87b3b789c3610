/**
 * Recovery codes: ten single-use codes, shown once when made, stored as scrypt hashes (one
 * random salt per set, so a try costs one hash). Using one confirms the session like a
 * passkey, is in the audit log and says how many remain. Tries are limited per person per
 * hour, counted in the database (lib/donations/rate-limit.ts), so they cannot be guessed.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recoveryCodes } from "@/db/schema";
import { hit } from "@/lib/donations/rate-limit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { auditPasskey, markSessionVerified, signedIn, type PasskeyContext } from "./context";

export const CODES_PER_SET = 10;
// No 0/o, 1/l/i: easy to copy by hand. 31^12 ≈ 2^59 per code.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const run = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

export function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

const normalise = (code: string): string => code.toLowerCase().replace(/[\s-]/g, "");

async function hashCode(code: string, salt: string): Promise<string> {
  const out = await run(normalise(code), Buffer.from(salt, "base64url"), 32, { N: 2 ** 14, r: 8, p: 1 });
  return out.toString("base64url");
}

/** A new set for this person (the old one is gone); the codes themselves are returned once and never stored. */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: CODES_PER_SET }, newRecoveryCode);
  const salt = randomBytes(16).toString("base64url");
  const hashes = await Promise.all(codes.map((c) => hashCode(c, salt)));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, salt, codeHash })));
  return codes;
}

export async function remainingRecoveryCodes(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

const codeSchema = z.object({
  code: z
    .string("Enter one of your recovery codes.")
    .trim()
    .min(1, "Enter one of your recovery codes.")
    .max(64, "That is not a recovery code."),
});
const WRONG = "That recovery code is not right, or it was already used.";

/** Confirms the session with an unused code; returns how many remain. */
export async function redeemRecoveryCode(ctx: PasskeyContext, input: unknown): Promise<{ remaining: number }> {
  const { me, token, now } = signedIn(ctx);
  if (me.secondFactor !== "verify") throw new AppError("conflict", "This session does not need a recovery code.");
  const { code } = parseOrThrow(codeSchema, input);
  if ((await hit(ctx.db, `recovery_code:user:${me.userId}`, now)) > env().RECOVERY_CODE_LIMIT_PER_HOUR) {
    await auditPasskey(ctx.db, me.userId, "recovery_code.limited");
    throw new AppError("rate_limited", "Too many recovery codes tried in the last hour. Wait a while, then try again.");
  }
  const unused = await ctx.db
    .select({ id: recoveryCodes.id, salt: recoveryCodes.salt, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, me.userId), isNull(recoveryCodes.usedAt)));
  const bySalt = new Map<string, string>();
  for (const salt of new Set(unused.map((u) => u.salt))) bySalt.set(salt, await hashCode(code, salt));
  const match = unused.find((u) => {
    const want = Buffer.from(u.codeHash);
    const got = Buffer.from(bySalt.get(u.salt) ?? "");
    return want.length === got.length && timingSafeEqual(want, got);
  });
  const wrong = async (): Promise<never> => {
    await auditPasskey(ctx.db, me.userId, "recovery_code.failed");
    throw new AppError("validation", WRONG, { fieldErrors: { code: WRONG } });
  };
  if (!match) return wrong();
  const remaining = await ctx.db.transaction(async (tx) => {
    // Atomic: two requests racing with one code cannot both use it.
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.id, match.id), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (!used.length) return null;
    await markSessionVerified(tx, token, me.userId, now);
    const left = await remainingRecoveryCodes(tx, me.userId);
    await auditPasskey(tx, me.userId, "recovery_code.used", { remaining: left });
    return left;
  });
  if (remaining === null) return wrong();
  return { remaining };
}
