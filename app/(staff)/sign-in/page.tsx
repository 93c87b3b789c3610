import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { signIn } from "@/lib/auth/config";
import { requestSignInLink } from "@/lib/auth/request-sign-in";
import { clientAddress } from "@/lib/net/client-address";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const emailSchema = z.email().max(254);

async function requestLink(formData: FormData) {
  "use server";
  const parsed = emailSchema.safeParse(String(formData.get("email") ?? "").trim());
  if (!parsed.success) redirect("/sign-in?error=email");
  const outcome = await requestSignInLink(
    await getDb(),
    { email: parsed.data, client: clientAddress(await headers()) },
    async (email) => {
      await signIn("email", { email, redirectTo: "/account" });
    },
  );
  if (outcome === "limited") redirect("/sign-in?error=limit");
}

const ERRORS: Record<string, string> = {
  email: "Enter a valid email address, like name@example.org.",
  limit:
    "Too many sign-in links have been asked for from here or for this address in the last hour. Wait a while, then ask again; the last link sent still works until it expires.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <section className="mx-auto max-w-md rounded-xl border border-line bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-sm text-muted">
        For lawyers, treasurers and fund administrators. Donors do not need an account.
      </p>
      <form action={requestLink} className="mt-6 space-y-3" noValidate>
        <label htmlFor="email" className="block text-sm font-medium">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "email-error" : undefined}
          className="w-full rounded-md border border-line px-3 py-2"
        />
        {error ? (
          <p id="email-error" className="text-sm text-accent">
            {ERRORS[error] ??
              "That sign-in link did not work. It may have expired or been used already; ask for a new one."}
          </p>
        ) : null}
        <button
          type="submit"
          className="w-full rounded-md bg-brand px-4 py-2 font-semibold text-white hover:opacity-90"
        >
          Email me a sign-in link
        </button>
      </form>
    </section>
  );
}
