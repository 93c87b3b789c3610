import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { REQUEST_PATH_HEADER } from "@/lib/outage/page-html";
import { forbiddenReason } from "./components/staff/forbidden-reason";

// What each staff area asks for (lib/auth/roles.ts words it the same way), in case the boundary
// renders before the gate has left its reason.
const AREA_ROLES: [RegExp, string][] = [
  [/^\/admin(\/|$)/, "admin"],
  [/^\/treasury(\/|$)/, "treasurer or admin"],
  [/^\/lawyer(\/|$)/, "lawyer"],
];

async function reason(): Promise<string> {
  if (forbiddenReason().message) return forbiddenReason().message;
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "";
  const roles = AREA_ROLES.find(([re]) => re.test(path))?.[1];
  return roles ? `This page is for ${roles} accounts.` : "Your account does not have the role this page needs.";
}

export const metadata: Metadata = { title: "Not allowed", robots: { index: false, follow: false } };

// forbidden() (app/components/staff/gate.tsx, treasury page-error) renders this with HTTP 403,
// inside the layout of the page that called it (the staff layout brings <html> and <main>).
export default async function Forbidden() {
  const message = await reason();
  return (
    <section className="max-w-xl rounded-lg border border-accent/40 bg-white p-6" data-testid="forbidden">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">403 · Not allowed</p>
      <h1 className="mt-1 text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2">{message}</p>
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
  );
}
