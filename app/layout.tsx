import "./globals.css";

// Each top-level area renders its own <html>: app/[locale]/layout.tsx (so `lang` follows
// the locale on client-side switches too) and app/dev/layout.tsx.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
