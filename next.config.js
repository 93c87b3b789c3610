// @ts-check
// Pages get their CSP, with a per-request script nonce, from proxy.ts (lib/security-headers.ts).
// What the proxy does not see (route handlers, files, the 503 page) gets a policy that lets no
// script run at all. HSTS is sent by the proxy whenever the request came over HTTPS, and here
// whenever the configured origin is HTTPS, whatever APP_ENV is.
const nonPageCsp =
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const httpsOrigin = /^https:/.test(process.env.APP_URL ?? "");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
  ...(httpsOrigin ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  poweredByHeader: false,
  // Next's dev request log writes full URLs (sign-in tokens, ?to=<email>) and server-function
  // arguments: off in every mode; the app logs what it needs through lib/log.ts (redacted).
  logging: { incomingRequests: false, serverFunctions: false, fetches: { fullUrl: false } },
  // forbidden() renders app/forbidden.tsx with HTTP 403 (staff pages refused for lack of a role).
  // ICE notice scans are uploaded through a server action (≤ 10 MB, checked again by content in lib/notices/scan.ts).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" }, proxyClientMaxBodySize: "11mb" },
  // Next.js's cache, plus revalidations broadcast to the other instances through PostgreSQL (README: several instances).
  cacheHandler: require.resolve("./lib/cache/broadcast-cache-handler.cjs"),
  reactStrictMode: true,
  // Metadata (the page <title> above all) in the <head> of the first HTML for every visitor, not streamed in
  // after the content: a screen reader announces the title at once, a page read with JavaScript off has it
  // in its head, and nothing (an accessibility check included) can see a page without one. Our metadata is
  // static, so blocking on it costs nothing.
  htmlLimitedBots: /.*/,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: nonPageCsp }] },
      { source: "/unavailable", headers: [{ key: "Content-Security-Policy", value: nonPageCsp }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: nonPageCsp }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
