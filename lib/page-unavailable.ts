/**
 * Pages (server components) cannot answer 503: a page whose data load fails
 * with a database fault would render Next's 500 page. proxy.ts answers 503 for
 * requests that arrive while the database is known to be down; a render that
 * meets the fault itself redirects (307) to /unavailable, a 503 that sends the
 * visitor back here after Retry-After seconds.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isDbUnavailable } from "@/db/faults";
import { isAppError } from "./errors";
import { REQUEST_PATH_HEADER, safeReturnPath } from "./unavailable-page";

export function isUnavailableError(e: unknown): boolean {
  return (isAppError(e) && e.code === "unavailable") || isDbUnavailable(e);
}

/** Redirect to the 503 page when `e` is a database fault; otherwise return (the caller rethrows). */
export async function redirectIfUnavailable(e: unknown): Promise<void> {
  if (!isUnavailableError(e)) return;
  const to = safeReturnPath((await headers()).get(REQUEST_PATH_HEADER));
  redirect(`/unavailable?to=${encodeURIComponent(to)}`);
}

/** Run a page's data load; a database fault becomes the 503 page instead of the 500 page. */
export async function pageLoad<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    await redirectIfUnavailable(e);
    throw e;
  }
}
