/**
 * The HTML of the public pages whose data is cached (the home page and each campaign page,
 * English and Spanish), kept in this process's memory and served with a fresh CSP nonce on
 * every response, so a visit costs no render.
 *
 * How the nonce stays per response: the page is rendered once (a request from proxy.ts to this
 * very server, marked with a secret of this process) with a random token in place of the nonce.
 * That token is never sent to anyone: each response is the stored HTML with every occurrence of
 * the token replaced by that response's own nonce, which its CSP header names. An attacker who
 * saw any number of responses has seen only nonces that are already spent.
 *
 * When it is stale: whenever anything revalidates a cache tag in this process (money booked,
 * a campaign edited) or another instance's revalidation arrives (the cache handler,
 * lib/cache/broadcast-cache-handler.cjs, counts both in `generation`), and at most TTL_MS
 * after it was rendered. A render that a revalidation overtook serves only the visitors who waited
 * for it.
 */
import { randomBytes } from "node:crypto";
import { selfOrigin } from "@/lib/app-origin";
import { newNonce } from "@/lib/security-headers";

/** Marks proxy.ts's own render request; its value is this process's secret. */
export const RENDER_HEADER = "x-openbond-render";
/** The token the render request wants in place of the nonce. */
export const RENDER_NONCE_HEADER = "x-openbond-render-nonce";

const SECRET = randomBytes(24).toString("base64url");
const TTL_MS = 5_000;
const MAX_ENTRIES = 400;
const RENDER_TIMEOUT_MS = 15_000;
const UNREACHABLE_PAUSE_MS = 60_000;
let unreachableUntil = 0;
/** Headers of the render worth keeping; everything else (cookies, Next's internals, lengths) is dropped. */
const KEPT_HEADERS = ["content-type", "cache-control", "vary", "link", "x-robots-tag"];

/** Shared with the cache handler (CommonJS, loaded apart from this bundle) through the process's global object. */
const GENERATION = Symbol.for("openbond.revalidations");
function generation(): number {
  return (globalThis as Record<symbol, { n: number } | undefined>)[GENERATION]?.n ?? 0;
}

interface Stored {
  html: string;
  token: string;
  headers: [string, string][];
  generation: number;
  at: number;
}

const store = new Map<string, Stored>();
const rendering = new Map<string, Promise<Stored | null>>();

/** The public paths served from this cache: `/`, `/es`, `/campaigns/<slug>`, `/es/campaigns/<slug>`. */
const CACHED_PATH = /^\/(?:es)?$|^\/(?:es\/)?campaigns\/[a-z0-9-]{1,120}$/;

/**
 * Whether this request may be answered from the cache: a browser's GET of a cached path with no
 * query (queries filter the home page, and would let anyone fill the cache). Next.js removes its
 * client router's headers (`rsc`, the router state) and `_rsc` before the proxy sees a request, so
 * what marks a page load is what the browser sends only then: `Accept: text/html` and, where it
 * says, `Sec-Fetch-Dest: document`. The router's own fetches (client navigations, prefetches)
 * accept anything and say `empty`, so they are rendered as before.
 */
export function servesFromCache(method: string, pathname: string, search: string, headers: Headers): boolean {
  if (method !== "GET" || search !== "" || !CACHED_PATH.test(pathname) || headers.has(RENDER_HEADER)) return false;
  const dest = headers.get("sec-fetch-dest");
  return (headers.get("accept") ?? "").includes("text/html") && (dest === null || dest === "document");
}

/** The token to render with when this request is proxy.ts's own render request, else null. */
export function renderToken(headers: Headers): string | null {
  if (headers.get(RENDER_HEADER) !== SECRET) return null;
  const token = headers.get(RENDER_NONCE_HEADER) ?? "";
  return /^[A-Za-z0-9+/]{22}==$/.test(token) ? token : null;
}

/**
 * The page at `pathname` as a 200 response carrying `nonce`, from the cache or rendered now; null
 * when it cannot be (not a 200, the render failed or timed out): the caller renders as usual.
 */
export async function cachedPage(pathname: string, nonce: string): Promise<Response | null> {
  if (Date.now() < unreachableUntil) return null;
  const stored = await fresh(pathname);
  if (!stored) return null;
  const withNonce = (text: string) => text.replaceAll(stored.token, nonce);
  return new Response(withNonce(stored.html), {
    status: 200,
    // Next.js names the nonce in its Link preload header too.
    headers: stored.headers.map(([name, value]): [string, string] => [name, withNonce(value)]),
  });
}

async function fresh(pathname: string): Promise<Stored | null> {
  const now = Date.now();
  const gen = generation();
  const hit = store.get(pathname);
  if (hit && hit.generation === gen && now - hit.at < TTL_MS) return hit;
  const key = `${gen}:${pathname}`;
  let pending = rendering.get(key);
  if (!pending) {
    pending = render(pathname, gen).finally(() => rendering.delete(key));
    rendering.set(key, pending);
  }
  return pending;
}

async function render(pathname: string, gen: number): Promise<Stored | null> {
  // Made like a nonce, so the page renders it where a nonce goes.
  const token = newNonce();
  let res: Response;
  try {
    res = await fetch(`${selfOrigin()}${pathname}`, {
      headers: { [RENDER_HEADER]: SECRET, [RENDER_NONCE_HEADER]: token, accept: "text/html" },
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
    });
  } catch (e) {
    // Refused on its own address (bound elsewhere): render as usual for a while rather than try again
    // on every visit. A render that only took too long is tried again by the next visitor.
    if (!(e instanceof Error && e.name === "TimeoutError")) unreachableUntil = Date.now() + UNREACHABLE_PAUSE_MS;
    return null;
  }
  if (res.status !== 200 || !(res.headers.get("content-type") ?? "").startsWith("text/html")) {
    await res.body?.cancel();
    return null;
  }
  const html = await res.text().catch(() => null);
  if (html === null) return null;
  const headers = KEPT_HEADERS.flatMap((h): [string, string][] => {
    const v = res.headers.get(h);
    return v === null ? [] : [[h, v]];
  });
  // Stored under the generation it started in: if a revalidation came during the render (and may
  // not be in what it read), the copy is stale at once, and only the visitors who were waiting get it.
  const stored: Stored = { html, token, headers, generation: gen, at: Date.now() };
  remember(pathname, stored);
  return stored;
}

function remember(pathname: string, stored: Stored): void {
  store.delete(pathname);
  store.set(pathname, stored);
  if (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
}
