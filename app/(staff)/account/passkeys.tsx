import { getDb } from "@/db";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { EnrolPasskey, RegenerateCodes } from "@/app/components/staff/passkey-client";
import { myPasskeys } from "@/lib/auth/passkeys/manage";
import type { Principal } from "@/lib/auth/roles";
import { removePasskeyAction } from "./actions";

const when = (d: Date | null) =>
  d ? d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "never";

/** The signed-in person's passkeys: list, add, remove, and their recovery codes. */
export async function MyPasskeys({ me }: { me: Principal }) {
  const { passkeys, codesLeft, mustKeepOne } = await myPasskeys(await getDb(), me);
  return (
    <div className="mt-8 space-y-4" data-testid="my-passkeys">
      <div>
        <h2 className="text-lg font-semibold">Passkeys ({passkeys.length})</h2>
        <p className="text-sm text-muted">
          {mustKeepOne
            ? "Admins and treasurers confirm every sign-in with a passkey. Keep at least two (say, laptop and phone) so losing one device does not lock you out."
            : passkeys.length
              ? "Once you have a passkey, every sign-in asks for it."
              : "Optional for lawyers: add a passkey and every sign-in will ask for it, so a stolen email link alone cannot open your case files."}
        </p>
      </div>
      {passkeys.length ? (
        <ul className="space-y-2">
          {passkeys.map((p) => (
            <li
              key={p.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-line bg-white p-3 text-sm"
            >
              <span>
                <strong className="break-all">{p.label}</strong>
                <span className="block text-xs text-muted">
                  Added {when(p.createdAt)} · last used {when(p.lastUsedAt)}
                </span>
              </span>
              {mustKeepOne && passkeys.length === 1 ? (
                <span className="text-xs text-muted">Your only passkey: add another before removing it.</span>
              ) : (
                <ActionForm action={removePasskeyAction.bind(null, p.id)} label={`Remove passkey ${p.label}`}>
                  <SubmitButton variant="secondary">Remove</SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="rounded-md border border-line bg-white p-3">
        <summary className="cursor-pointer text-sm font-semibold">Add a passkey</summary>
        <div className="mt-3">
          <EnrolPasskey next="/account?done=passkey_added" cta="Add this passkey" />
        </div>
      </details>
      {passkeys.length ? (
        <div className="rounded-md border border-line bg-white p-3 text-sm">
          <p data-testid="codes-left">
            <strong>Recovery codes:</strong> {codesLeft} of 10 unused.
            {codesLeft <= 3 ? " Make a new set before you run out." : ""}
          </p>
          <div className="mt-2">
            <RegenerateCodes next="/account?done=codes_renewed" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
