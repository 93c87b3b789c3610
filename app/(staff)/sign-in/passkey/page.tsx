/**
 * After the magic link: an admin or treasurer without a passkey creates one now (trust on
 * first use, in the audit log); anyone with a passkey confirms the sign-in with it or with a
 * recovery code. Until then this page and sign-out are all the session can reach.
 */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { TextField } from "@/app/components/staff/fields";
import { EnrolPasskey, VerifyPasskey } from "@/app/components/staff/passkey-client";
import { SignOutForm } from "@/app/(staff)/account/sign-out";
import { currentPrincipal } from "@/lib/auth/config";
import { isPending } from "@/lib/auth/second-factor";
import { recoveryCodeAction } from "./actions";

export const metadata: Metadata = { title: "Confirm it is you" };
export const dynamic = "force-dynamic";

const NEXT = "/account";

export default async function PasskeyPage() {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  if (!isPending(me.secondFactor)) redirect(NEXT);
  const roles = (me.pendingRoles ?? []).join(" and ");
  return (
    <section className="mx-auto max-w-md space-y-6">
      <div className="rounded-xl border border-line bg-white p-6 shadow-sm">
        {me.secondFactor === "enrol" ? (
          <>
            <h1 className="text-2xl font-semibold">Set up a passkey</h1>
            <p className="mt-2 text-sm text-muted">
              {roles ? `As ${/^[aeiou]/.test(roles) ? "an" : "a"} ${roles}, you` : "You"} confirm every sign-in with a
              passkey: your device&apos;s fingerprint, face or PIN check, or a security key. Your email link proved your
              address; the passkey you create now will be needed from now on.
            </p>
            <div className="mt-5">
              <EnrolPasskey next={NEXT} />
            </div>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold">Confirm it is you</h1>
            <p className="mt-2 text-sm text-muted">
              Your account has a passkey. Use it to finish signing in: your device will ask for your fingerprint, face
              or PIN, or for your security key.
            </p>
            <div className="mt-5">
              <VerifyPasskey next={NEXT} />
            </div>
          </>
        )}
      </div>
      {me.secondFactor === "verify" ? (
        <details className="rounded-xl border border-line bg-white p-6 shadow-sm">
          <summary className="cursor-pointer font-semibold">Lost your passkey? Use a recovery code</summary>
          <ActionForm action={recoveryCodeAction} label="Sign in with a recovery code" className="mt-4 space-y-3">
            <TextField
              name="code"
              label="Recovery code"
              placeholder="xxxx-xxxx-xxxx"
              hint="One of the ten codes you saved when you created your first passkey. Each works once."
            />
            <SubmitButton>Use this code</SubmitButton>
          </ActionForm>
          <p className="mt-3 text-xs text-muted">
            No codes left? Ask a fund administrator to reset your passkeys; you will then create a new one.
          </p>
        </details>
      ) : null}
      <SignOutForm className="text-center" buttonClassName="text-sm text-muted underline hover:text-ink" />
    </section>
  );
}
