/**
 * The footer's way to the offline test tools (the Stripe console, the outbox of sign-in mails and
 * receipts, the clock), shown only where those tools answer: outside production, to a visitor on
 * this machine (lib/dev/dev-access.ts). Someone trying the demo finds them by clicking.
 */
import { headers } from "next/headers";
import NextLink from "next/link";
import { appEnv, env } from "@/lib/env";
import { isLoopbackRequest } from "@/lib/net/client-address";

export async function DevToolsLink({ label }: { label: string }) {
  if (appEnv(env()) === "production" || !isLoopbackRequest(await headers())) return null;
  return (
    <NextLink href="/dev/stripe" className="ml-4 mt-2 inline-block text-amber-800 underline hover:text-ink">
      {label}
    </NextLink>
  );
}
