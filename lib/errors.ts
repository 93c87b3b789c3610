/**
 * Typed application errors. Every error a user can cause carries a code that
 * `httpStatusFor` maps to a 4xx status, and a message that names ids but never
 * a private value (case-file data, emails, keys).
 */
export type ErrorCode =
  | "validation"
  | "not_found"
  | "unknown_account"
  | "unbalanced_entry"
  | "idempotency_conflict"
  | "insufficient_funds"
  | "already_reversed"
  | "conflict"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "unavailable";

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

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export function httpStatusFor(e: unknown): number {
  return isAppError(e) ? STATUS[e.code] : 500;
}

/** The message safe to show a user: our own messages, or a generic one for anything unexpected. */
export function publicMessage(e: unknown): string {
  return isAppError(e) ? e.message : "Something went wrong on our side. Nothing was changed; please try again.";
}
