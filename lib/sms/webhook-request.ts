/** Shared by the Twilio routes: read the form body and check X-Twilio-Signature against the public URL. */
import { validTwilioSignature } from "./twilio-client";

export async function signedTwilioParams(req: Request): Promise<Record<string, string> | null> {
  const raw = await req.text();
  if (raw.length > 20_000) return null;
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(raw)) params[k] = v;
  const u = new URL(req.url);
  return validTwilioSignature(req.headers.get("x-twilio-signature"), u.pathname + u.search, params) ? params : null;
}
