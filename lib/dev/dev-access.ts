/**
 * Who may use the development tools (/dev/outbox, the Stripe console and its actions,
 * /api/test/last-mail): never in production; otherwise a request from this machine by its
 * socket address (lib/net/client-address.ts: headers cannot fake it), or a signed-in admin.
 * A demo or staging server reached over the network therefore hands out no sign-in links.
 */
import { headers } from "next/headers";
import { currentPrincipal } from "@/lib/auth/config";
import { appEnv, env } from "@/lib/env";
import { isLoopbackRequest } from "@/lib/net/client-address";

/** `requestHeaders`: a route handler's own request headers (pages and actions use the current request's). */
export async function devToolsAllowed(requestHeaders?: { get(name: string): string | null }): Promise<boolean> {
  if (appEnv(env()) === "production") return false;
  if (isLoopbackRequest(requestHeaders ?? (await headers()))) return true;
  const me = await currentPrincipal();
  return Boolean(me?.roles.includes("admin"));
}
