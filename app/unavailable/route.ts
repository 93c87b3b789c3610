/**
 * Where a page that met a database fault while rendering sends the visitor
 * (lib/outage/render-guard.ts): always 503 with Retry-After and the friendly page,
 * which links back to (and after Retry-After seconds reloads) the page asked for.
 * Never touches the database.
 */
import { safeReturnPath, unavailableResponse } from "@/lib/outage/page-html";

export const dynamic = "force-dynamic";

function answer(request: Request): Response {
  const to = safeReturnPath(new URL(request.url).searchParams.get("to"));
  return unavailableResponse({ path: to, method: request.method });
}

export const GET = answer;
export const HEAD = answer;
