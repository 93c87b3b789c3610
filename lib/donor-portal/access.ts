/**
 * Donor self-service without an account. A donor asks for a link by email; the mailed link works
 * once, for 30 minutes, and opens a one-hour session scoped to that address. Only the sha256 of
 * each secret is stored; the raw token lives in the mail and in the cookie. The answer to a request
 * is the same whether or not the address ever gave (no one learns who the donors are), and requests
 * are limited per address and per client in PostgreSQL (lib/auth/sign-in-limit.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { donations, donorAccessTokens, recurringGifts } from "@/db/schema";
import { appUrl } from "@/lib/app-origin";
import { allowLinkMail } from "@/lib/auth/sign-in-limit";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { RECEIPTED_STATUSES } from "@/lib/receipts/gift-receipt";
import { donorLinkMail } from "./link-mail";

const LINK_MINUTES = 30;
export const SESSION_MINUTES = 60;
export const DONOR_COOKIE = "ob_donor";

const emailSchema = z.email().max(254);
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const minutesFrom = (at: Date, m: number) => new Date(at.getTime() + m * 60_000);

export function normaliseDonorEmail(raw: unknown): string {
  const parsed = emailSchema.safeParse(typeof raw === "string" ? raw.trim().toLowerCase() : raw);
  if (!parsed.success)
    throw new AppError("validation", "Enter the email address you gave with, such as name@example.org.", {
      field: "email",
      key: "emailInvalid",
    });
  return parsed.data;
}

async function hasGifts(db: Db, email: string): Promise<boolean> {
  const [gift] = await db
    .select({ id: donations.id })
    .from(donations)
    .where(and(sql`lower(${donations.email}) = ${email}`, inArray(donations.status, [...RECEIPTED_STATUSES])))
    .limit(1);
  if (gift) return true;
  const [monthly] = await db
    .select({ id: recurringGifts.id })
    .from(recurringGifts)
    .where(sql`lower(${recurringGifts.email}) = ${email}`)
    .limit(1);
  return Boolean(monthly);
}

/** Always "sent" (or a validation error for a malformed address): the page says the same either way. */
export async function requestDonorLink(
  db: Db,
  input: { email: unknown; client: string; locale: "en" | "es" },
  at: Date = clockNow(),
): Promise<"sent"> {
  const email = normaliseDonorEmail(input.email);
  const e = env();
  const limits = { perEmail: e.SIGN_IN_LIMIT_PER_EMAIL, perClient: e.SIGN_IN_LIMIT_PER_CLIENT };
  if (!(await allowLinkMail(db, "donor_link", { email, client: input.client }, limits, at))) return "sent";
  if (!(await hasGifts(db, email))) return "sent";
  const token = randomBytes(32).toString("base64url");
  const hash = hashOf(token);
  const path = `${input.locale === "en" ? "" : `/${input.locale}`}/my-gifts/open?token=${token}`;
  const mail = donorLinkMail(input.locale, appUrl(path, e), LINK_MINUTES, e.FUND_NAME);
  await db.transaction(async (tx) => {
    await tx
      .insert(donorAccessTokens)
      .values({ tokenHash: hash, purpose: "link", email, expiresAt: minutesFrom(at, LINK_MINUTES) });
    await enqueueMail(tx, { dedupeKey: `donor-link:${hash}`, kind: "donor_link", to: email, ...mail });
  });
  return "sent";
}

/** Spend a link (once, before it expires) and open a session; the session's raw token, or null. */
export async function openDonorLink(db: Db, token: unknown, at: Date = clockNow()): Promise<string | null> {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(donorAccessTokens)
      .set({ usedAt: at })
      .where(
        and(
          eq(donorAccessTokens.tokenHash, hashOf(token)),
          eq(donorAccessTokens.purpose, "link"),
          isNull(donorAccessTokens.usedAt),
          gt(donorAccessTokens.expiresAt, at),
        ),
      )
      .returning({ email: donorAccessTokens.email });
    if (!link) return null;
    const session = randomBytes(32).toString("base64url");
    await tx.insert(donorAccessTokens).values({
      tokenHash: hashOf(session),
      purpose: "session",
      email: link.email,
      expiresAt: minutesFrom(at, SESSION_MINUTES),
    });
    // Old links and sessions are of no use to anyone: drop them as we go.
    await tx.delete(donorAccessTokens).where(or(lt(donorAccessTokens.expiresAt, minutesFrom(at, -24 * 60))));
    return session;
  });
}

/** The address a session cookie speaks for, or null when it is missing, forged or expired. */
export async function donorSessionEmail(
  db: Db,
  token: string | undefined,
  at: Date = clockNow(),
): Promise<string | null> {
  if (!token || !TOKEN.test(token)) return null;
  const [row] = await db
    .select({ email: donorAccessTokens.email })
    .from(donorAccessTokens)
    .where(
      and(
        eq(donorAccessTokens.tokenHash, hashOf(token)),
        eq(donorAccessTokens.purpose, "session"),
        gt(donorAccessTokens.expiresAt, at),
      ),
    );
  return row?.email ?? null;
}

export async function endDonorSession(db: Db, token: string | undefined): Promise<void> {
  if (!token || !TOKEN.test(token)) return;
  await db.delete(donorAccessTokens).where(eq(donorAccessTokens.tokenHash, hashOf(token)));
}
