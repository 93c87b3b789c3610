"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";

type Props = { locale: "en" | "es"; label: string; text: string };

function SwitchLink({ locale, label, text, query }: Props & { query?: Record<string, string> }) {
  const pathname = usePathname();
  return (
    <Link
      href={{ pathname, query }}
      locale={locale}
      hrefLang={locale}
      lang={locale}
      aria-label={label}
      className="rounded-md border border-line px-3 py-1.5 font-medium text-brand hover:bg-brand-soft"
    >
      {text}
    </Link>
  );
}

function SwitchKeepingQuery(props: Props) {
  return <SwitchLink {...props} query={Object.fromEntries(useSearchParams().entries())} />;
}

/**
 * Same page, other language, same query (filters); the proxy stores the choice in the NEXT_LOCALE
 * cookie. The Suspense boundary lets cached pages (campaign pages) render without the query,
 * which the browser fills in; dynamic pages render it on the server.
 */
export function LocaleSwitch(props: Props) {
  return (
    <Suspense fallback={<SwitchLink {...props} />}>
      <SwitchKeepingQuery {...props} />
    </Suspense>
  );
}
