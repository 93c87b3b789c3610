/**
 * Enrolling a passkey. The first one of an admin or treasurer is trust on first use: the magic
 * link proved the email address, and the passkey made now is required from then on. It is in
 * the audit log (`firstUse`) and the owner is mailed, so an enrolment they did not make shows.
 * A session that still has to verify an existing passkey cannot add one (that would bypass it).
 */
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users, webauthnCredentials } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { parseOrThrow } from "@/lib/validation";
import { storeChallenge, takeChallenge } from "./challenges";
import {
  auditPasskey,
  challengeOf,
  credentialRef,
  EXPIRED,
  markSessionVerified,
  registrationResponseSchema,
  signedIn,
  type PasskeyContext,
} from "./context";
import { replaceRecoveryCodes } from "./recovery-codes";
import { expectedFor, relyingParty } from "./relying-party";
import { passkeyAddedMail } from "./mail";

function mayEnrol(ctx: PasskeyContext) {
  const s = signedIn(ctx);
  if (s.me.secondFactor === "verify")
    throw new AppError("forbidden", "Confirm it is you with a passkey you already have before adding another.");
  return s;
}

async function emailOf(ctx: PasskeyContext, userId: string): Promise<string> {
  const [u] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return u?.email ?? userId;
}

export async function enrolmentOptions(ctx: PasskeyContext): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { me, token, now } = mayEnrol(ctx);
  const rp = relyingParty();
  const existing = await ctx.db
    .select({ id: webauthnCredentials.id, transports: webauthnCredentials.transports })
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, me.userId));
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: await emailOf(ctx, me.userId),
    userID: new TextEncoder().encode(me.userId),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  });
  await storeChallenge(
    ctx.db,
    { challenge: options.challenge, sessionToken: token, userId: me.userId, purpose: "register" },
    now,
  );
  return options;
}

const finishSchema = z.object({
  label: z
    .string("Name this passkey.")
    .trim()
    .min(1, "Name this passkey, e.g. “Work laptop”.")
    .max(60, "Keep the name under 60 characters."),
  response: registrationResponseSchema,
});

/** Stores the passkey; the first one also gets ten recovery codes, returned once. The session counts as verified. */
export async function finishEnrolment(
  ctx: PasskeyContext,
  input: unknown,
): Promise<{ recoveryCodes: string[] | null }> {
  const { me, token, now } = mayEnrol(ctx);
  const { label, response } = parseOrThrow(finishSchema, input);
  const challenge = challengeOf(response.response.clientDataJSON);
  const expected = expectedFor(challenge);
  if (!(await takeChallenge(ctx.db, { challenge, sessionToken: token, userId: me.userId, purpose: "register" }, now))) {
    await auditPasskey(ctx.db, me.userId, "passkey.enrol_failed", { reason: "challenge" });
    throw new AppError("validation", EXPIRED);
  }
  let info;
  try {
    const v = await verifyRegistrationResponse({ response: response as never, ...expected });
    if (!v.verified) throw new Error("not verified");
    info = v.registrationInfo;
  } catch {
    await auditPasskey(ctx.db, me.userId, "passkey.enrol_failed", { reason: "attestation" });
    throw new AppError("validation", "This passkey could not be checked. Try again, or use another device.");
  }
  const cred = info.credential;
  return ctx.db.transaction(async (tx) => {
    const before = await tx
      .select({ id: webauthnCredentials.id })
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.userId, me.userId))
      .for("update");
    const added = await tx
      .insert(webauthnCredentials)
      .values({
        id: cred.id,
        userId: me.userId,
        publicKey: isoBase64URL.fromBuffer(cred.publicKey),
        counter: cred.counter,
        transports: (cred.transports ?? []).slice(0, 10),
        label,
        createdAt: now,
        // Making it proved possession, and confirmed this session.
        lastUsedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: webauthnCredentials.id });
    if (!added.length) throw new AppError("conflict", "This passkey is already registered.");
    const first = before.length === 0;
    const recoveryCodes = first ? await replaceRecoveryCodes(tx, me.userId) : null;
    await markSessionVerified(tx, token, me.userId, now);
    await auditPasskey(tx, me.userId, "passkey.enrolled", {
      credential: credentialRef(cred.id),
      first,
      firstUse: me.secondFactor === "enrol",
      passkeys: before.length + 1,
    });
    const to = await emailOf({ ...ctx, db: tx }, me.userId);
    await enqueueMail(tx, { dedupeKey: `passkey_added:${cred.id}`, kind: "notice", to, ...passkeyAddedMail(label) });
    return { recoveryCodes };
  });
}
