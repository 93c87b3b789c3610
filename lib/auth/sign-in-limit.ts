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

function hashed(kind: string, value: string): string {
  return `sign_in:${kind}:${createHash("sha256").update(value).digest("hex")}`;
}

/** Counts this request; true when a link may be sent, false once either limit is passed this hour. */
export async function allowSignInMail(
  db: Db,
  who: { email: string; client: string },
  limits: SignInLimits,
  now = new Date(),
): Promise<boolean> {
  // Client first: a flood from one client must not use up a victim's per-address allowance.
  const byClient = await hit(db, hashed("client", who.client), now);
  if (byClient > limits.perClient) return false;
  const byEmail = await hit(db, hashed("email", who.email.trim().toLowerCase()), now);
  return byEmail <= limits.perEmail;
}
