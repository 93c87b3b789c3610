/**
 * Test-only: the last outbox message for ?to=<address>, so the browser tests can
 * follow a sign-in link. Answers 404 unless APP_ENV=test and the request comes from this
 * machine (socket address) or a signed-in admin, exactly like a missing route.
 */
import { getDb } from "@/db";
import { devToolsAllowed } from "@/lib/dev/dev-access";
import { appEnv, env } from "@/lib/env";
import { errorHeaders, httpStatusFor, publicMessage } from "@/lib/error-responses";
import { lastMessageTo } from "@/lib/mail/last-message";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  if (appEnv(env()) !== "test" || !(await devToolsAllowed(req.headers)))
    return new Response("Not found", { status: 404 });
  const to = new URL(req.url).searchParams.get("to") ?? "";
  try {
    const message = to ? await lastMessageTo(await getDb(), to) : null;
    return message ? Response.json(message) : new Response("Not found", { status: 404 });
  } catch (e) {
    return new Response(publicMessage(e), { status: httpStatusFor(e), headers: errorHeaders(e) });
  }
}
