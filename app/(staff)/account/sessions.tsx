import { getDb } from "@/db";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { listMySessions } from "@/lib/admin/my-sessions";
import type { Principal } from "@/lib/auth/roles";
import { currentSessionToken } from "@/lib/auth/session-cookie";
import { revokeSessionAction } from "./actions";

const when = (d: Date) =>
  d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** The signed-in person's live sessions, each with a button to end it. */
export async function MySessions({ me }: { me: Principal }) {
  const token = await currentSessionToken();
  const list = await listMySessions(await getDb(), me, token);
  return (
    <div className="mt-8">
      <h2 className="text-lg font-semibold">Where you are signed in ({list.length})</h2>
      <p className="text-sm text-muted">
        End any session you do not recognise, or one on a device you no longer have. Each lasts at most 8 hours.
      </p>
      <ul className="mt-3 space-y-2" data-testid="my-sessions">
        {list.map((s) => (
          <li
            key={s.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-line bg-white p-3 text-sm"
          >
            <span>
              Signed in {when(s.createdAt)} · ends {when(s.expires)}
              {s.current ? <strong className="ml-1">(this device)</strong> : null}
            </span>
            <ActionForm action={revokeSessionAction.bind(null, s.id)} label="End session">
              <SubmitButton variant={s.current ? "danger" : "secondary"}>
                {s.current ? "Sign out here" : "End this session"}
              </SubmitButton>
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
