/**
 * How an error answers a user: its HTTP status, the message safe to show and
 * the headers (Retry-After on a 503). Server side: it recognises database
 * faults (db/faults.ts), which client components must not bundle.
 */
import { isDbUnavailable } from "@/db/faults";
import { isAppError, type ErrorCode } from "./errors";

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  not_found: 404,
  unknown_account: 400,
  unbalanced_entry: 400,
  idempotency_conflict: 409,
  insufficient_funds: 409,
  already_reversed: 409,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * SQLSTATEs that only a malformed value can cause (bad uuid or date text, a
 * string too long, a number out of range, a NUL byte, an index row too big):
 * a backstop so that input no check caught is still the caller's 400, not our 500.
 */
const BAD_INPUT_SQLSTATES = new Set(["22P02", "22001", "22003", "22007", "22008", "22021", "22P05", "54000"]);

function isBadInputDbError(e: unknown): boolean {
  let cur: unknown = e;
  for (let depth = 0; cur && typeof cur === "object" && depth < 6; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && BAD_INPUT_SQLSTATES.has(code)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

const BAD_INPUT_MESSAGE =
  "Some of what was sent is not valid (a malformed id, a date that does not exist, text that is too long or contains a NUL character, or a number out of range). Nothing was changed.";

/** A database that is restarting, unreachable or too slow is a 503 (retry later), not a 500. */
export function httpStatusFor(e: unknown): number {
  if (isAppError(e)) return STATUS[e.code];
  if (isBadInputDbError(e)) return 400;
  return isDbUnavailable(e) ? 503 : 500;
}

export const UNAVAILABLE_MESSAGE = "The fund's database is briefly unavailable. Please try again in a few seconds.";
/** Seconds a client should wait before retrying a 503. */
const RETRY_AFTER_SECONDS = 5;

/** The message safe to show a user: our own messages, or a generic one for anything unexpected. */
export function publicMessage(e: unknown): string {
  if (isAppError(e)) return e.message;
  if (isBadInputDbError(e)) return BAD_INPUT_MESSAGE;
  if (isDbUnavailable(e)) return UNAVAILABLE_MESSAGE;
  return "Something went wrong on our side. Nothing was changed; please try again.";
}

/** Headers for an error answer: Retry-After on a 503. */
export function errorHeaders(e: unknown, headers: Record<string, string> = {}): Record<string, string> {
  return httpStatusFor(e) === 503 ? { ...headers, "retry-after": String(RETRY_AFTER_SECONDS) } : headers;
}
