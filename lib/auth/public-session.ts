/**
 * What a session holds once Auth.js has loaded it (server side), and the smaller part the
 * browser may read from /api/auth/session: the name, the roles and the expiry. Neither
 * carries the session token (HttpOnly would protect nothing if a script could read it)
 * nor the email address.
 */
import type { Session } from "next-auth";
import type { Role } from "@/db/schema";
import type { SecondFactor } from "./second-factor";

export function sessionPayload(o: {
  expires: Date | string;
  user: { id: string; name?: string | null };
  roles: Role[];
  secondFactor?: SecondFactor;
}): Session {
  return {
    user: { name: o.user.name ?? null },
    userId: o.user.id,
    roles: o.roles,
    secondFactor: o.secondFactor,
    expires: typeof o.expires === "string" ? o.expires : o.expires.toISOString(),
  } as Session;
}

export interface PublicSession {
  user: { name: string | null };
  roles: Role[];
  expires: string;
}

/** The JSON /api/auth/session answers: only name, roles and expiry (an empty object when signed out). */
export function publicSession(body: unknown): PublicSession | Record<string, never> {
  if (!body || typeof body !== "object" || !("expires" in body)) return {};
  const s = body as { user?: { name?: unknown }; roles?: unknown; expires?: unknown };
  return {
    user: { name: typeof s.user?.name === "string" ? s.user.name : null },
    roles: Array.isArray(s.roles) ? (s.roles.filter((r) => typeof r === "string") as Role[]) : [],
    expires: String(s.expires),
  };
}
