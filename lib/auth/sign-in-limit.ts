/**
 * Sign-in links are limited per address and per client, counted in the database
 * (lib/donations/rate-limit.ts: one atomic upsert per attempt, so a parallel burst
 * cannot slip past). The count never depends on whether the address belongs to
 * staff, so the answer cannot tell anyone who is staff.
 */
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { hit } from "@/lib/donations/rate-limit";

export interface SignInLimits {
  perEmail: number;
  perClient: number;
}

function hashed(scope: string, kind: string, value: string): string {
  return `${scope}:${kind}:${createHash("sha256").update(value).digest("hex")}`;
}

/**
 * Counts one request for a mailed link in `scope` (its own counters: sign-in links and donors'
 * self-service links never use up each other's allowance); true when a link may be sent, false
 * once either limit is passed this hour.
 */
export async function allowLinkMail(
  db: Db,
  scope: "sign_in" | "donor_link",
  who: { email: string; client: string },
  limits: SignInLimits,
  now = new Date(),
): Promise<boolean> {
  // Client first: a flood from one client must not use up a victim's per-address allowance.
  const byClient = await hit(db, hashed(scope, "client", who.client), now);
  if (byClient > limits.perClient) return false;
  const byEmail = await hit(db, hashed(scope, "email", who.email.trim().toLowerCase()), now);
  return byEmail <= limits.perEmail;
}

/** Counts this request; true when a sign-in link may be sent, false once either limit is passed this hour. */
export function allowSignInMail(
  db: Db,
  who: { email: string; client: string },
  limits: SignInLimits,
  now = new Date(),
): Promise<boolean> {
  return allowLinkMail(db, "sign_in", who, limits, now);
}
