import { connection } from "next/server";
import "./globals.css";

// Each top-level area renders its own <html>: app/[locale]/layout.tsx (so `lang` follows
// the locale on client-side switches too) and app/dev/layout.tsx.
//
// Every page renders per request: its scripts must carry this request's CSP nonce (proxy.ts),
// which a page prerendered at build time or cached for 30 s cannot know.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return children;
}
