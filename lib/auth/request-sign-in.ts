/**
 * One sign-in request from the sign-in page: counted against the per-address and
 * per-client limits first, then handed to Auth.js to mail the link. The outcome does not
 * depend on whether the address belongs to staff (Auth.js mails any address; a link for
 * someone without a role opens an account page that grants nothing).
 */
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { allowSignInMail } from "./sign-in-limit";

export type SignInOutcome = "sent" | "limited";

export async function requestSignInLink(
  db: Db,
  who: { email: string; client: string },
  send: (email: string) => Promise<void>,
  now = new Date(),
): Promise<SignInOutcome> {
  const e = env();
  const limits = { perEmail: e.SIGN_IN_LIMIT_PER_EMAIL, perClient: e.SIGN_IN_LIMIT_PER_CLIENT };
  if (!(await allowSignInMail(db, who, limits, now))) return "limited";
  await send(who.email);
  return "sent";
}
