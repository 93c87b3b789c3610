import { connection } from "next/server";
import "./globals.css";

// Each top-level area renders its own <html>: app/[locale]/layout.tsx (so `lang` follows
// the locale on client-side switches too) and app/dev/layout.tsx.
//
// Every page renders on demand: its scripts must carry a CSP nonce (proxy.ts), which a page
// prerendered at build time cannot know. (The home and campaign pages' HTML is then cached by
// proxy.ts with a stand-in for the nonce, replaced per response: lib/cache/public-html.ts.)
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return children;
}
