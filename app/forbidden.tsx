import type { Metadata } from "next";
import { headers } from "next/headers";
import { REQUEST_PATH_HEADER } from "@/lib/outage/page-html";
import { Forbidden as ForbiddenNotice } from "./components/staff/forbidden";
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
  return <ForbiddenNotice message={await reason()} />;
}
