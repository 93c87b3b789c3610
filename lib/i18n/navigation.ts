import { redirect as nextRedirect } from "next/navigation";
import { localizedPath } from "./locale-path";

/**
 * Redirect to a donor page in `locale`, with a query. Our own, not next-intl's `createNavigation`:
 * importing that registers its client `Link` on every page that imports it (with its client
 * provider and message formatter, ~12 KB gzipped), though donor pages render links on the server
 * (`./link`).
 */
export function redirect({
  href,
  locale,
}: {
  href: { pathname: string; query?: Record<string, string> };
  locale: string;
}) {
  return nextRedirect(localizedPath(locale, href.pathname, new URLSearchParams(href.query)));
}
