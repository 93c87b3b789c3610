import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { dbGate } from "@/db/health";
import { routing } from "@/lib/i18n/routing";
import { REQUEST_PATH_HEADER, unavailableResponse } from "@/lib/outage/page-html";

const intl = createMiddleware(routing);

// Only donor pages are localised: staff areas (English only, with their own layout) and the
// offline Stripe pages are never redirected or rewritten.
const UNLOCALISED = /^\/(dev|sign-in|account|lawyer|admin|treasury)(\/|$)/;

/**
 * Every page request passes here first (Node.js runtime, same process as the renderers under
 * `next start`). While the database is down, a page answers 503 with Retry-After and a short
 * page instead of rendering Next's 500 error page (App Router pages cannot choose a 503);
 * db/health.ts decides, without a round trip while the database is healthy. Server actions
 * (POST) and route handlers answer their own 503s.
 */
export default async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const read = request.method === "GET" || request.method === "HEAD";
  if (read) {
    const verdict = await dbGate();
    if (!verdict.ok)
      return unavailableResponse({
        path: pathname + search,
        method: request.method,
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
  }
  // Pages that still meet a fault while rendering send the visitor to /unavailable, which needs
  // to know where to send them back (lib/outage/render-guard.ts).
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, pathname + search);
  if (UNLOCALISED.test(pathname)) return NextResponse.next({ request: { headers } });
  return intl(read ? new NextRequest(request, { headers }) : request);
}

export const config = {
  matcher: ["/((?!api|unavailable|_next|_vercel|.*\\..*).*)"],
};
