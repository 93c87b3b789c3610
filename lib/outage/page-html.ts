/**
 * The 503 page shown while the database is unreachable: plain HTML with no
 * asset, no database and no framework, so that proxy.ts and the /unavailable
 * route can send it when nothing else works. Donor pages get it in both
 * languages (the visitor's first); staff pages in English.
 *
 * No imports on purpose: proxy.ts bundles this file.
 */

const RETRY_AFTER_SECONDS = 5;

/** Request header proxy.ts sets on every page request: the path and query the visitor asked for. */
export const REQUEST_PATH_HEADER = "x-openbond-path";

export type UnavailableAudience = "en" | "es" | "staff";

const TEXT = {
  en: {
    title: "Please try again in a moment",
    body: "We're having trouble reaching our database, please try again in a moment. Nothing you sent was lost; this page will try again by itself.",
    retry: "Try again",
  },
  es: {
    title: "Por favor, inténtelo de nuevo en un momento",
    body: "Tenemos problemas para conectar con nuestra base de datos; por favor, inténtelo de nuevo en un momento. No se perdió nada de lo que envió; esta página lo volverá a intentar sola.",
    retry: "Intentar de nuevo",
  },
} as const;

const STAFF_PREFIXES = ["/sign-in", "/account", "/lawyer", "/admin", "/treasury", "/dev"];

/** Who a path is for: staff areas are English only; donor pages are /es/... or English. */
export function audienceFor(path: string): UnavailableAudience {
  const p = path.split(/[?#]/)[0]!;
  if (STAFF_PREFIXES.some((s) => p === s || p.startsWith(`${s}/`))) return "staff";
  return p === "/es" || p.startsWith("/es/") ? "es" : "en";
}

/** A same-site path to send the visitor back to; anything else (another host, a scheme, junk) becomes "/". */
export function safeReturnPath(to: string | null | undefined): string {
  if (
    !to ||
    !to.startsWith("/") ||
    to.startsWith("//") ||
    to.startsWith("/\\") ||
    /[\u0000-\u001f\u007f]/.test(to) ||
    to.length > 2000
  )
    return "/";
  return to;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function unavailableHtml(o: {
  audience: UnavailableAudience;
  retryPath: string;
  retryAfterSeconds?: number;
}): string {
  const seconds = o.retryAfterSeconds ?? RETRY_AFTER_SECONDS;
  const href = escapeHtml(safeReturnPath(o.retryPath));
  const langs: ("en" | "es")[] = o.audience === "staff" ? ["en"] : o.audience === "es" ? ["es", "en"] : ["en", "es"];
  const first = langs[0]!;
  const sections = langs
    .map(
      (l, i) => `<section lang="${l}"${i ? ' class="other"' : ""}>
<h${i ? 2 : 1}>${TEXT[l].title}</h${i ? 2 : 1}>
<p>${TEXT[l].body}</p>
<p><a href="${href}">${TEXT[l].retry}</a></p>
</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="${first}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="${seconds};url=${href}">
<title>${TEXT[first].title}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2937;background:#f9fafb;margin:0;padding:3rem 1rem;line-height:1.5}
main{max-width:36rem;margin:0 auto;background:#fff;border:1px solid #e5e7eb;border-radius:.75rem;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.125rem;margin:0 0 .5rem}
.other{border-top:1px solid #e5e7eb;margin-top:1.5rem;padding-top:1rem;color:#4b5563}
a{color:#1d4ed8;font-weight:600}
</style>
</head>
<body>
<main role="alert">
${sections}
</main>
</body>
</html>
`;
}

/** The whole 503 answer: the page, Retry-After, and never cached. HEAD gets the headers only. */
export function unavailableResponse(o: { path: string; method?: string; retryAfterSeconds?: number }): Response {
  const seconds = o.retryAfterSeconds ?? RETRY_AFTER_SECONDS;
  const body =
    o.method === "HEAD"
      ? null
      : unavailableHtml({ audience: audienceFor(o.path), retryPath: o.path, retryAfterSeconds: seconds });
  return new Response(body, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(seconds),
      "cache-control": "no-store",
    },
  });
}
