import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { DoneBanner } from "@/app/components/staff/done-banner";
import { currentPrincipal } from "@/lib/auth/config";
import { PASSKEY_PAGE } from "@/lib/auth/passkeys/paths";
import { remainingRecoveryCodes } from "@/lib/auth/passkeys/recovery-codes";
import { isPending } from "@/lib/auth/second-factor";
import { MyPasskeys } from "./passkeys";
import { MySessions } from "./sessions";
import { SignOutForm } from "./sign-out";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  session_ended: "Session ended: that device is signed out.",
  passkey_added: "Passkey added.",
  passkey_removed: "Passkey removed.",
  codes_renewed: "New recovery codes made: the old ones no longer work.",
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  if (isPending(me.secondFactor)) redirect(PASSKEY_PAGE);
  const { done } = await searchParams;
  const messages =
    done === "recovery_used"
      ? {
          recovery_used: `Signed in with a recovery code: ${await remainingRecoveryCodes(await getDb(), me.userId)} left. If you lost your device, add a new passkey below and remove the lost one.`,
        }
      : DONE;
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <div className="mt-2">
        <DoneBanner messages={messages} code={done} />
      </div>
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
      <SignOutForm className="mt-6" buttonClassName="rounded-md border border-line px-4 py-2" />
      <MyPasskeys me={me} />
      <MySessions me={me} />
    </section>
  );
}
