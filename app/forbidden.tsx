import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false, follow: false } };

// forbidden() (app/components/staff/gate.tsx) renders this with HTTP 403. It sits under the root
// layout only, so it brings its own <html>, like app/not-found.tsx.
export default function Forbidden() {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          <section className="max-w-xl rounded-lg border border-accent/40 bg-white p-6" data-testid="forbidden">
            <p className="text-sm font-semibold uppercase tracking-wide text-accent">403 · Not allowed</p>
            <h1 className="mt-1 text-2xl font-semibold">You do not have access to this page</h1>
            <p className="mt-2">Your account does not have the role this page needs.</p>
            <p className="mt-2 text-sm text-muted">
              Roles are granted by a fund administrator. Lawyers get theirs when the fund verifies their{" "}
              <Link href="/lawyer/profile" className="text-brand underline">
                lawyer profile
              </Link>
              . See{" "}
              <Link href="/account" className="text-brand underline">
                your account
              </Link>{" "}
              for the roles you have.
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
