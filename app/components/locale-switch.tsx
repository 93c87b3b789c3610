"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { otherLocalePath, type Locale } from "@/lib/i18n/locale-path";

type Props = { locale: Locale; label: string; text: string };

function SwitchLink({ locale, label, text, query }: Props & { query?: URLSearchParams }) {
  return (
    <a
      href={otherLocalePath(usePathname(), locale, query)}
      hrefLang={locale}
      lang={locale}
      aria-label={label}
      className="rounded-md border border-line px-3 py-1.5 font-medium text-brand hover:bg-brand-soft"
    >
      {text}
    </a>
  );
}

function SwitchKeepingQuery(props: Props) {
  return <SwitchLink {...props} query={new URLSearchParams(useSearchParams().toString())} />;
}

/**
 * Same page, other language, same query (filters): a plain link (a full page load, as without
 * JavaScript); the proxy stores the choice in the NEXT_LOCALE cookie. The Suspense boundary lets
 * cached pages (campaign pages) render without the query, which the browser fills in; dynamic
 * pages render it on the server.
 */
export function LocaleSwitch(props: Props) {
  return (
    <Suspense fallback={<SwitchLink {...props} />}>
      <SwitchKeepingQuery {...props} />
    </Suspense>
  );
}
