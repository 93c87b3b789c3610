/**
 * The Content Security Policy and its companions. Pages get a policy whose scripts must
 * carry this response's nonce (proxy.ts makes one per request; Next.js reads it from the
 * request's CSP header and stamps its own scripts): no 'unsafe-inline' for scripts, so an
 * injected <script> or inline handler does not run. Styles keep 'unsafe-inline' (React's
 * style attributes); they cannot run code. Shared by proxy.ts (pages) and next.config.js
 * (everything else: API answers, files), which gets no script source at all.
 */

export const HSTS = "max-age=63072000; includeSubDomains";

export function pageCsp(o: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': chunks loaded by a nonce-bearing script are trusted; nothing else is.
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${o.dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "form-action 'self' https://checkout.stripe.com",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** For responses that are not pages (route handlers, the 503 page): no script may run. */
export const NON_PAGE_CSP =
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

/** HSTS whenever the app is reached over HTTPS (directly, or by its configured https origin), whatever APP_ENV. */
export function wantsHsts(o: { requestProtocol: string; configuredHttps: boolean }): boolean {
  return o.configuredHttps || o.requestProtocol === "https:";
}
