/**
 * The WebAuthn relying party: its id is the host of the configured origin (lib/app-origin.ts:
 * APP_URL in production, this server's own port in development), or WEBAUTHN_RP_ID when that
 * names the same host or a parent domain of it. Never the Host or X-Forwarded-Host of a request.
 */
import { appOrigin } from "@/lib/app-origin";
import { env, type Env } from "@/lib/env";

export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

export function relyingParty(e: Env = env()): RelyingParty {
  const origin = appOrigin(e);
  const host = new URL(origin).hostname;
  const id = e.WEBAUTHN_RP_ID ?? host;
  if (id !== host && !host.endsWith(`.${id}`))
    throw new Error(`WEBAUTHN_RP_ID must be the app's host (${host}) or a parent domain of it.`);
  return { id, origin, name: e.FUND_NAME };
}

/** What the browser's answer is checked against: the challenge it signed, this relying party, and user verification. */
export function expectedFor(challenge: string) {
  const rp = relyingParty();
  return {
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  };
}
