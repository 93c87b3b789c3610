/**
 * The app's own origin: the one source for every absolute link the app writes (sign-in
 * mail, Auth.js, Stripe return URLs, receipts, share links) and for the offline Stripe
 * double's checkout page and webhook target.
 *
 * - Production: APP_URL, which lib/env.ts requires there.
 * - Development and test: APP_URL when it is set, otherwise the server's own address,
 *   `http://localhost:<port it listens on>` (Next.js writes the port it actually bound,
 *   including `next dev` moving off a busy 3000, into process.env.PORT).
 *
 * Request headers never choose the origin, except a loopback Host naming this very port
 * (so a developer on http://127.0.0.1:3101 keeps their cookies). X-Forwarded-Host is
 * never honoured: behind a proxy, set APP_URL.
 */
import { appEnv, env, type Env } from "./env";

const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The port this process serves on (Next.js sets PORT once it listens); 3000 before that. */
function listenPort(): number {
  const port = Number(process.env.PORT);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : 3000;
}

function configured(e: Env): string | null {
  return e.APP_URL ? new URL(e.APP_URL).origin : null;
}

/** The origin links point at, without a trailing slash. */
export function appOrigin(e: Env = env()): string {
  const fixed = configured(e);
  if (fixed) return fixed;
  if (appEnv(e) === "production") throw new Error("APP_URL is required in production.");
  return `http://localhost:${listenPort()}`;
}

/**
 * Like appOrigin(), but in development and test (without APP_URL) a request that reached
 * us as http://127.0.0.1:<our port> or http://[::1]:<our port> gets links on that host.
 */
export function requestOrigin(headers: { get(name: string): string | null }, e: Env = env()): string {
  if (configured(e) || appEnv(e) === "production") return appOrigin(e);
  const host = headers.get("host")?.trim().toLowerCase() ?? "";
  const match = /^(localhost|127\.0\.0\.1|\[::1\]):(\d{1,5})$/.exec(host);
  if (match && LOOPBACK_HOSTNAMES.has(match[1]!) && Number(match[2]) === listenPort()) return `http://${host}`;
  return appOrigin(e);
}

/** An absolute URL on the app's origin for `path` (which must start with "/"). */
export function appUrl(path: string, e: Env = env()): string {
  if (!path.startsWith("/")) throw new Error("appUrl: path must start with /");
  return `${appOrigin(e)}${path}`;
}

/**
 * Where this process reaches itself (the offline double's webhook deliveries): always the
 * loopback interface, whatever public name APP_URL gives the app.
 */
export function selfOrigin(): string {
  const bound = process.env.__NEXT_PRIVATE_ORIGIN;
  if (bound && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+$/.test(bound)) return bound;
  return `http://localhost:${listenPort()}`;
}

/** Whether the public origin is HTTPS (secure cookies, HSTS). */
export function servedOverHttps(e: Env = env()): boolean {
  return appOrigin(e).startsWith("https:");
}
