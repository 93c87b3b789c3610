import Link from "next/link";

// Reached only outside the locale routes (e.g. an unknown /dev page), so it brings its own <html>.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="mx-auto max-w-xl px-4 py-8 font-sans">
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <Link href="/" className="mt-4 inline-block text-brand underline">
          Home
        </Link>
      </body>
    </html>
  );
}
