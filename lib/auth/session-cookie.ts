/** The Auth.js session cookie of this request (server side only; the token never leaves the server). */
import { createHash } from "node:crypto";
import { cookies } from "next/headers";

// Auth.js names the cookie with the __Secure- prefix when served over HTTPS.
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export async function currentSessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  return SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
}

/** A non-secret name for a session (the challenges table never holds the token itself). */
export const sessionKey = (token: string): string => createHash("sha256").update(token).digest("hex");
