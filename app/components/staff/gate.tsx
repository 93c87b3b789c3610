/**
 * The server-side gate every staff page calls first: anonymous visitors go to
 * sign-in, signed-in people without the role get the 403 page (app/forbidden.tsx, with HTTP
 * 403 through forbidden()), never a 500. `denied` stays in the type for callers written
 * before; it is never returned now.
 */
import { forbidden, redirect } from "next/navigation";
import type { ReactElement } from "react";
import type { Role } from "@/db/schema";
import { currentPrincipal } from "@/lib/auth/config";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { isPending } from "@/lib/auth/second-factor";
import { PASSKEY_PAGE } from "@/lib/auth/passkeys/paths";
import { isAppError } from "@/lib/errors";
import { publicMessage } from "@/lib/error-responses";
import { Forbidden } from "./forbidden";
import { forbiddenReason } from "./forbidden-reason";
import { pageError } from "./page-error";

export type Gate = { me: Principal; denied?: undefined } | { me?: undefined; denied: ReactElement };

/** With no roles given, any signed-in person passes. */
export async function gate(...roles: Role[]): Promise<Gate> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  // Not yet confirmed with a passkey: only the passkey page (requireRole would refuse anyway).
  if (isPending(me.secondFactor)) redirect(PASSKEY_PAGE);
  try {
    return { me: requireRole(me, ...roles) };
  } catch (e) {
    if (isAppError(e) && (e.code === "forbidden" || e.code === "unauthorized")) {
      forbiddenReason().message = publicMessage(e);
      forbidden();
    }
    return { denied: <Forbidden message={publicMessage(e)} /> };
  }
}

/** Load a page's data; a refusal from the lib becomes what pageError shows instead of an error page. */
export async function load<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; denied?: undefined } | { value?: undefined; denied: ReactElement }> {
  try {
    return { value: await fn() };
  } catch (e) {
    return { denied: await pageError(e) };
  }
}
