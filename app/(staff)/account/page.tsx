import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentPrincipal } from "@/lib/auth/config";
import { signOutAction } from "./actions";
import { MySessions } from "./sessions";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  const { done } = await searchParams;
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">Your account</h1>
      {done === "session_ended" ? (
        <p role="status" className="mt-2 rounded-md border border-brand bg-brand-soft p-3 text-sm">
          Session ended: that device is signed out.
        </p>
      ) : null}
      <p className="mt-2 text-muted" data-testid="roles">
        {me.roles.length
          ? `Roles: ${me.roles.join(", ")}`
          : "No role yet. A fund administrator must verify you before you can do anything here."}
      </p>
      {me.roles.length === 0 ? (
        <p className="mt-2 text-sm">
          An immigration lawyer?{" "}
          <Link href="/lawyer/profile" className="font-semibold text-brand underline">
            Fill in your lawyer profile
          </Link>{" "}
          so the fund can verify you.
        </p>
      ) : null}
      <form action={signOutAction} className="mt-6">
        <button type="submit" className="rounded-md border border-line px-4 py-2">
          Sign out
        </button>
      </form>
      <MySessions me={me} />
    </section>
  );
}
