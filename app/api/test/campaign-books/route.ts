/**
 * Test-only: one campaign's books (lib/campaigns/campaign-books.ts) for ?slug=, so the
 * browser tests compare every money figure a donor page showed with the ledger (the
 * e2e server's embedded database can only be opened by the server itself). Answers 404
 * unless APP_ENV=test and the request comes from this machine or a signed-in admin,
 * exactly like /api/test/last-mail.
 */
import { getDb } from "@/db";
import { campaignBooks } from "@/lib/campaigns/campaign-books";
import { devToolsAllowed } from "@/lib/dev/dev-access";
import { appEnv, env } from "@/lib/env";
import { errorHeaders, httpStatusFor, publicMessage } from "@/lib/error-responses";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  if (appEnv(env()) !== "test" || !(await devToolsAllowed(req.headers)))
    return new Response("Not found", { status: 404 });
  const slug = new URL(req.url).searchParams.get("slug") ?? "";
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return new Response("Not found", { status: 404 });
  try {
    const books = await campaignBooks(await getDb(), slug);
    return books ? Response.json(books) : new Response("Not found", { status: 404 });
  } catch (e) {
    return new Response(publicMessage(e), { status: httpStatusFor(e), headers: errorHeaders(e) });
  }
}
