"use client";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";

/** Same page, other language; the proxy stores the choice in the NEXT_LOCALE cookie. */
export function LocaleSwitch({ locale, label, text }: { locale: "en" | "es"; label: string; text: string }) {
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams().entries());
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
