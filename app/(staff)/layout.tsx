import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/env";
import { SkipLink } from "../components/skip-link";

export const metadata: Metadata = {
  title: { default: "OpenBond staff", template: "%s · OpenBond staff" },
  robots: { index: false, follow: false },
};

// Staff pages (sign-in, lawyer, admin, treasury) are English only and outside the locale proxy.
export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <SkipLink label="Skip to content" />
        <header className="border-b border-line bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
            <Link href="/" className="whitespace-nowrap text-lg font-semibold tracking-tight text-brand">
              {env().FUND_NAME}
            </Link>
            <nav aria-label="Staff" className="flex gap-4 text-sm text-muted">
              <Link href="/lawyer" className="hover:text-ink">
                Lawyer
              </Link>
              <Link href="/treasury" className="hover:text-ink">
                Treasury
              </Link>
              <Link href="/admin" className="hover:text-ink">
                Admin
              </Link>
              <Link href="/account" className="hover:text-ink">
                Account
              </Link>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
