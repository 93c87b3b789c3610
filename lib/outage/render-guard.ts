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
import { dbHealthState } from "@/db/health";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { REQUEST_PATH_HEADER, safeReturnPath } from "./page-html";

/** A render that fails this soon after a database fault is treated as part of the outage. */
export const RECENT_FAULT_MS = 10_000;

export function isUnavailableError(e: unknown, now = Date.now()): boolean {
  if ((isAppError(e) && e.code === "unavailable") || isDbUnavailable(e)) return true;
  // A dying connection can also surface as an error the classifier does not know
  // (postgres.js has thrown TypeErrors from a destroyed socket); while a fault is
  // fresh, answer 503 and let the retry decide, rather than show the 500 page.
  const { lastFaultAt } = dbHealthState();
  if (lastFaultAt > 0 && now - lastFaultAt < RECENT_FAULT_MS) {
    const c = e as { name?: unknown; code?: unknown };
    log.warn(
      { err: typeof c?.name === "string" ? c.name : "unknown", code: typeof c?.code === "string" ? c.code : undefined },
      "page load failed right after a database fault; answering 503",
    );
    return true;
  }
  return false;
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
