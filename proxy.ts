import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { dbGate } from "@/db/health";
import { routing } from "@/lib/i18n/routing";
import { servedOverHttps } from "@/lib/app-origin";
import { REQUEST_PATH_HEADER, unavailableResponse } from "@/lib/outage/page-html";
import { checkStaffUrl } from "@/lib/staff-url";
import { HSTS, newNonce, NON_PAGE_CSP, pageCsp, wantsHsts } from "@/lib/security-headers";
import { cachedPage, RENDER_HEADER, RENDER_NONCE_HEADER, renderToken, servesFromCache } from "@/lib/cache/public-html";
import { appEnv, env } from "@/lib/env";
import { isLoopbackRequest } from "@/lib/net/client-address";

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
  const hsts = wantsHsts({ requestProtocol: request.nextUrl.protocol, configuredHttps: servedOverHttps() });
  const urlVerdict = checkStaffUrl(pathname, search);
  if (urlVerdict === "bad_request")
    return secure(
      new NextResponse("Bad request: this address holds characters it cannot contain.", {
        status: 400,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
      NON_PAGE_CSP,
      hsts,
    );
  if (read) {
    const verdict = await dbGate();
    if (!verdict.ok)
      return secure(
        unavailableResponse({
          path: pathname + search,
          method: request.method,
          retryAfterSeconds: verdict.retryAfterSeconds,
        }),
        NON_PAGE_CSP,
        hsts,
      );
  }
  // A fresh script nonce per request: Next.js finds it in the request's CSP header and puts it
  // on every script it renders; the browser gets the same policy on the response. This server's
  // own render of a cached public page gets its token instead (lib/cache/public-html.ts).
  const token = renderToken(request.headers);
  const nonce = newNonce();
  const csp = pageCsp({ nonce: token ?? nonce, dev: process.env.NODE_ENV !== "production" });
  // Pages that still meet a fault while rendering send the visitor to /unavailable, which needs
  // to know where to send them back (lib/outage/render-guard.ts).
  const headers = new Headers(request.headers);
  headers.delete(RENDER_HEADER);
  headers.delete(RENDER_NONCE_HEADER);
  headers.set(REQUEST_PATH_HEADER, pathname + search);
  headers.set("content-security-policy", csp);
  // A malformed id: the not-found page with 404 (no route matches this path), before any query runs.
  if (urlVerdict === "not_found")
    return secure(NextResponse.rewrite(new URL("/__not-found", request.url), { request: { headers } }), csp, hsts);
  if (UNLOCALISED.test(pathname)) return secure(NextResponse.next({ request: { headers } }), csp, hsts);
  // next-intl forwards the request it is given (headers included) when it does not redirect; a
  // POST (server action) keeps its own request so its body is not re-wrapped.
  const routed = intl(read ? new NextRequest(request, { headers }) : request);
  if (routed.status === 200 && cacheable(request, pathname, search)) {
    const page = await cachedPage(pathname, nonce);
    if (page) {
      // next-intl's cookie (a remembered language) still reaches this visitor.
      for (const cookie of routed.headers.getSetCookie()) page.headers.append("set-cookie", cookie);
      return secure(page, csp, hsts);
    }
  }
  return secure(routed, csp, hsts);
}

/**
 * Public pages are served from the HTML cache under `next start` only. Outside production a page
 * shows the developer tools' link to a visitor on this machine, which the cache's render (from this
 * machine) always is, so there only such visitors get the cached copy.
 */
function cacheable(request: NextRequest, pathname: string, search: string): boolean {
  if (process.env.NODE_ENV !== "production") return false;
  if (!servesFromCache(request.method, pathname, search, request.headers)) return false;
  return appEnv(env()) === "production" || isLoopbackRequest(request.headers);
}

function secure<R extends Response>(res: R, csp: string, hsts: boolean): R {
  res.headers.set("Content-Security-Policy", csp);
  if (hsts) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

export const config = {
  matcher: ["/((?!api|unavailable|_next|_vercel|.*\\..*).*)"],
};
