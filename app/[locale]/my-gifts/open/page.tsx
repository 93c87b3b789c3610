import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openLink } from "../actions";

export const dynamic = "force-dynamic";
/** same-origin: the token in the URL never leaves for another site (see /give/cancel/[id]). */
export const metadata: Metadata = { title: "My gifts", robots: { index: false }, referrer: "same-origin" };

/**
 * The mailed link lands here and is spent only by the button: a mail scanner that fetches the
 * link does not use it up, and the token is never in a URL the session page is reached by.
 */
export default async function OpenMyGifts({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations("myGifts");
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">{t("openTitle")}</h1>
      <p className="mt-3">{t("openExplain")}</p>
      <form action={openLink.bind(null, locale)} className="mt-4">
        <input type="hidden" name="token" value={typeof token === "string" ? token.slice(0, 100) : ""} />
        <button type="submit" className="rounded-lg bg-brand px-5 py-3 font-semibold text-white hover:opacity-90">
          {t("open")}
        </button>
      </form>
    </section>
  );
}
