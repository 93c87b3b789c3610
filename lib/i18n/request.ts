import { isLocale } from "./locale-path";
import { getRequestConfig } from "next-intl/server";
import { routing } from "./routing";

// Paths outside the proxy (/dev, /api) have no locale: they fall back to English.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  return { locale, messages: (await import(`../../messages/${locale}.json`)).default };
});
