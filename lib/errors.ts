/**
 * Typed application errors. Every error a user can cause carries a code that
 * `httpStatusFor` (error-responses.ts) maps to a 4xx status, and a message that
 * names ids but never a private value (case-file data, emails, keys). Safe to
 * import from client components: nothing here reaches the database code.
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
