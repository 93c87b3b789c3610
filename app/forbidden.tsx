import type { Metadata } from "next";
import { Forbidden as ForbiddenNotice } from "@/app/components/staff/forbidden";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false, follow: false } };

// forbidden() (app/components/staff/gate.tsx) renders this with HTTP 403. It sits under the root
// layout only, so it brings its own <html>, like app/not-found.tsx.
export default function Forbidden() {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          <ForbiddenNotice message="Your account does not have the role this page needs." />
        </main>
      </body>
    </html>
  );
}
