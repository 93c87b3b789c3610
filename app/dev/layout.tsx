import Link from "next/link";

const DEV_LINKS = [
  ["/dev/stripe", "Stripe console"],
  ["/dev/outbox", "Outbox"],
  ["/dev/clock", "Clock"],
  ["/", "Site"],
] as const;

export default function DevLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <header className="border-b border-amber-300 bg-amber-50">
          <nav
            aria-label="Development tools"
            className="mx-auto flex max-w-5xl flex-wrap items-center gap-4 px-4 py-3 text-sm"
          >
            <strong>Offline test tools — no real money</strong>
            {DEV_LINKS.map(([href, label]) => (
              <Link key={href} href={href} className="text-brand underline">
                {label}
              </Link>
            ))}
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
