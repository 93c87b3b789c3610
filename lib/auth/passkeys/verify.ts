/**
 * Confirming a session with a passkey. Refused, and in the audit log: a replayed or expired
 * challenge, a credential that is not the caller's, a bad signature, and a signature counter
 * that went backwards (a cloned authenticator).
 */
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { and, eq } from "drizzle-orm";
import { webauthnCredentials } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { storeChallenge, takeChallenge } from "./challenges";
import {
  authenticationResponseSchema,
  auditPasskey,
  challengeOf,
  credentialRef,
  EXPIRED,
  markSessionVerified,
  signedIn,
  type PasskeyContext,
} from "./context";
import { expectedFor, relyingParty } from "./relying-party";

const REFUSED = "This passkey did not confirm it is you. Try again, or use a recovery code.";

export async function verificationOptions(ctx: PasskeyContext): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { me, token, now } = signedIn(ctx);
  const mine = await ctx.db
    .select({ id: webauthnCredentials.id, transports: webauthnCredentials.transports })
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, me.userId));
  if (!mine.length) throw new AppError("not_found", "You have no passkey yet.");
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: mine.map((c) => ({ id: c.id, transports: c.transports })),
    userVerification: "required",
  });
  await storeChallenge(
    ctx.db,
    { challenge: options.challenge, sessionToken: token, userId: me.userId, purpose: "authenticate" },
    now,
  );
  return options;
}

export async function finishVerification(ctx: PasskeyContext, input: unknown): Promise<void> {
  const { me, token, now } = signedIn(ctx);
  const response = parseOrThrow(authenticationResponseSchema, input);
  const challenge = challengeOf(response.response.clientDataJSON);
  const fail = async (reason: string, message = REFUSED): Promise<never> => {
    await auditPasskey(ctx.db, me.userId, "passkey.verify_failed", { reason, credential: credentialRef(response.id) });
    throw new AppError("validation", message);
  };
  if (
    !(await takeChallenge(ctx.db, { challenge, sessionToken: token, userId: me.userId, purpose: "authenticate" }, now))
  )
    return fail("challenge", EXPIRED);
  // Looked up by owner too: another person's passkey is simply not one of the caller's.
  const [cred] = await ctx.db
    .select()
    .from(webauthnCredentials)
    .where(and(eq(webauthnCredentials.id, response.id), eq(webauthnCredentials.userId, me.userId)));
  if (!cred) return fail("unknown_credential");
  const expected = expectedFor(challenge);
  let newCounter: number;
  try {
    const v = await verifyAuthenticationResponse({
      response: response as never,
      ...expected,
      credential: {
        id: cred.id,
        publicKey: isoBase64URL.toBuffer(cred.publicKey),
        counter: cred.counter,
        transports: cred.transports,
      },
    });
    if (!v.verified) return fail("signature");
    newCounter = v.authenticationInfo.newCounter;
  } catch (e) {
    return fail(/counter/i.test(e instanceof Error ? e.message : "") ? "counter_regression" : "signature");
  }
  await ctx.db.transaction(async (tx) => {
    // Only if no other sign-in moved the counter meanwhile (the same signature cannot count twice).
    const moved = await tx
      .update(webauthnCredentials)
      .set({ counter: newCounter, lastUsedAt: now })
      .where(and(eq(webauthnCredentials.id, cred.id), eq(webauthnCredentials.counter, cred.counter)))
      .returning({ id: webauthnCredentials.id });
    if (!moved.length) throw new AppError("conflict", REFUSED);
    await markSessionVerified(tx, token, me.userId, now);
    await auditPasskey(tx, me.userId, "passkey.verified", { credential: credentialRef(cred.id) });
  });
}
