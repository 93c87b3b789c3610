import { defineRouting } from "next-intl/routing";

/**
 * English at `/…`, Spanish at `/es/…`: every page has a shareable URL per
 * language, and the NEXT_LOCALE cookie remembers a switch, so `/` sends a
 * returning Spanish reader to `/es`.
 */
export const routing = defineRouting({
  locales: ["en", "es"],
  defaultLocale: "en",
  localePrefix: "as-needed",
  localeCookie: { maxAge: 60 * 60 * 24 * 365, sameSite: "lax" },
});
