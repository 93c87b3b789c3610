import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "OpenBond", template: "%s · OpenBond" },
  description: "Anonymized campaigns to pay immigration bonds, with books anyone can check.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const fund = env().FUND_NAME;
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-line bg-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight text-brand">
              {fund}
            </Link>
            <Link href="/sign-in" className="text-sm text-muted hover:text-ink">
              Staff sign-in
            </Link>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl px-4 pb-10 text-sm text-muted">
          Every campaign is verified by a licensed immigration attorney. Names are withheld for safety; aliases are marked with *.
        </footer>
      </body>
    </html>
  );
}
