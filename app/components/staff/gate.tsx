/**
 * The server-side gate every staff page calls first: anonymous visitors go to
 * sign-in, signed-in people without the role get a 403 explanation, never a 500.
 */
import { notFound, redirect } from "next/navigation";
import type { ReactElement } from "react";
import type { Role } from "@/db/schema";
import { currentPrincipal } from "@/lib/auth/config";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { publicMessage } from "@/lib/error-responses";
import { Forbidden } from "./forbidden";

export type Gate = { me: Principal; denied?: undefined } | { me?: undefined; denied: ReactElement };

/** With no roles given, any signed-in person passes. */
export async function gate(...roles: Role[]): Promise<Gate> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  try {
    return { me: requireRole(me, ...roles) };
  } catch (e) {
    return { denied: <Forbidden message={publicMessage(e)} /> };
  }
}

/** Load a page's data; a refusal from the lib becomes a 404 or a 403 explanation instead of an error page. */
export async function load<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; denied?: undefined } | { value?: undefined; denied: ReactElement }> {
  try {
    return { value: await fn() };
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    if (isAppError(e) && (e.code === "forbidden" || e.code === "unauthorized"))
      return { denied: <Forbidden message={publicMessage(e)} /> };
    throw e;
  }
}
