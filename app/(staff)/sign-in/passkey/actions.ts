"use server";
/** A recovery code instead of the passkey: the one staff action a session still proving its second factor may run. */
import { redirect } from "next/navigation";
import { redeemRecoveryCode } from "@/lib/auth/passkeys/recovery-codes";
import { currentSessionToken } from "@/lib/auth/session-cookie";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";

export const recoveryCodeAction = validatedAction(
  anyFields,
  async (input, { db, me }) => {
    await redeemRecoveryCode({ db, me, sessionToken: await currentSessionToken() }, { code: input.code ?? "" });
    redirect("/account?done=recovery_used");
  },
  { errorField: "code", pendingSecondFactor: true },
);
