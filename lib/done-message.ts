/**
 * A success message that travels in a redirect's query string (`?done=`) is shown only if this
 * server wrote it: the action signs it for one page, the page checks the signature. Anyone can
 * still craft a link with `?done=<any text>`, but it shows nothing (issue 11 finding 12).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { secrets } from "@/lib/dev-secrets";

const MAX = 300;

function sign(scope: string, text: string): string {
  return createHmac("sha256", secrets().authSecret).update(`done:${scope}:${text}`).digest("base64url");
}

/** `done=…&ds=…` for a redirect to the page `scope` (its path). */
export function doneQuery(scope: string, text: string): string {
  const t = text.slice(0, MAX);
  return `done=${encodeURIComponent(t)}&ds=${sign(scope, t)}`;
}

/** The message, if this server signed it for `scope`; otherwise null. */
export function verifiedDone(scope: string, text: string | undefined, sig: string | undefined): string | null {
  if (!text || !sig || text.length > MAX) return null;
  const want = Buffer.from(sign(scope, text));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got) ? text : null;
}
