import { routing } from "./routing";

export type Locale = (typeof routing.locales)[number];

/** One of the donor pages' languages (next-intl's `hasLocale`, without importing its main entry into pages). */
export function isLocale(value: string | undefined): value is Locale {
  return (routing.locales as readonly string[]).includes(value ?? "");
}

const PREFIX = new RegExp(`^/(${routing.locales.join("|")})(?=/|$)`);

const prefixed = (locale: string, path: string) => `/${locale}${path === "/" ? "" : path}`;

function withQuery(path: string, query?: URLSearchParams): string {
  const search = query?.toString();
  return search ? `${path}?${search}` : path;
}

/** `path` in `locale`: `/campaigns/x` in the default language, `/es/campaigns/x` in another ("as-needed" prefixes). */
export function localizedPath(locale: string, path: string, query?: URLSearchParams): string {
  return withQuery(locale === routing.defaultLocale ? path : prefixed(locale, path), query);
}

/**
 * The same page in another language, always with its prefix (`/es/campaigns/x`, `/en/campaigns/x`):
 * the proxy (next-intl's middleware) stores the choice in the NEXT_LOCALE cookie and sends the
 * default language's prefixed address on to its unprefixed one. `pathname` may carry a prefix or
 * not (the browser's `/campaigns/x`, or the rewritten `/en/campaigns/x` while rendering).
 */
export function otherLocalePath(pathname: string, locale: Locale, query?: URLSearchParams): string {
  return withQuery(prefixed(locale, pathname.replace(PREFIX, "") || "/"), query);
}
