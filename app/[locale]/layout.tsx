import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import NextLink from "next/link";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/link";
import { isLocale } from "@/lib/i18n/locale-path";
import { DevToolsLink } from "../components/dev-tools-link";
import { LocaleSwitch } from "../components/locale-switch";
import { SkipLink } from "../components/skip-link";

export const metadata: Metadata = {
  title: { default: "OpenBond", template: "%s · OpenBond" },
  description: "Anonymized campaigns to pay immigration bonds, with books anyone can check.",
};

export default async function LocaleLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("layout");
  const other = locale === "en" ? "es" : "en";
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        {/* No next-intl in the browser: client components get their words as props, links are rendered on the server. */}
        <SkipLink label={t("skip")} />
        <header className="border-b border-line bg-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight text-brand">
              {env().FUND_NAME}
            </Link>
            <div className="flex items-center gap-4 text-sm">
              <span className="hidden text-muted sm:inline">{t("tagline")}</span>
              <Link href="/transparency" className="text-muted underline-offset-2 hover:text-ink hover:underline">
                {t("transparency")}
              </Link>
              <LocaleSwitch locale={other} label={t("switchLabel")} text={t("switchTo")} />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl px-4 pb-28 text-sm text-muted md:pb-10">
          <p>{t("footer")}</p>
          <Link href="/my-gifts" className="mr-4 mt-2 inline-block underline hover:text-ink">
            {t("myGifts")}
          </Link>
          {/* next/link, not the locale-aware Link: staff pages live outside the locale routes. */}
          <NextLink href="/sign-in" className="mt-2 inline-block underline hover:text-ink">
            {t("staffSignIn")}
          </NextLink>
          <DevToolsLink label={t("devTools")} />
        </footer>
      </body>
    </html>
  );
}
