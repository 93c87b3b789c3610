/**
 * Database faults that are not the caller's fault and go away on retry: the
 * server restarting, a backend terminated, a connection dropped or refused, a
 * bounded wait running out. Requests that meet one answer 503 with Retry-After;
 * read-only statements outside a transaction are retried here first.
 */

/** postgres.js's own connection errors and the Node socket errors under them. */
const DRIVER_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTCONN",
]);

/**
 * SQLSTATEs: class 08 (connection exception), 57P01-57P03 (admin/crash shutdown,
 * cannot connect now), 53300 (too many connections), 57014 (statement_timeout),
 * 55P03 (lock_timeout), 25P03 (idle-in-transaction timeout).
 */
function transientSqlState(code: string): boolean {
  return code.startsWith("08") || ["57P01", "57P02", "57P03", "53300", "57014", "55P03", "25P03"].includes(code);
}

/** Thrown when a bounded wait on the database runs out (see withDbDeadline). */
export class DbDeadlineError extends Error {
  readonly code = "DB_DEADLINE";
  constructor(what: string, ms: number) {
    super(`${what} did not finish within ${ms} ms`);
    this.name = "DbDeadlineError";
  }
}

/** True for faults of the database connection (drizzle wraps driver errors in `cause`). */
export function isDbUnavailable(e: unknown): boolean {
  let cur: unknown = e;
  for (let depth = 0; cur && typeof cur === "object" && depth < 6; depth++) {
    if (cur instanceof DbDeadlineError) return true;
    const c = cur as { code?: unknown; errno?: unknown; message?: unknown; cause?: unknown };
    if (typeof c.code === "string") {
      if (DRIVER_CODES.has(c.code)) return true;
      if (/^[0-9A-Z]{5}$/.test(c.code) && transientSqlState(c.code)) return true;
    }
    cur = c.cause;
  }
  return false;
}

/**
 * Race `work` against a timer. postgres.js can leave a query unsettled when its
 * backend dies mid-transaction; a request must not wait on it forever.
 */
export function withDbDeadline<T>(work: Promise<T>, ms: number, what = "The database call"): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DbDeadlineError(what, ms)), ms);
    timer.unref?.();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const READ_ONLY = /^\s*(\(\s*)?(select|with\s+[\s\S]*?\bselect\b)/i;
// ledger_post_entry is a SELECT that writes (migration 0010).
const WRITES =
  /\b(insert|update|delete|merge|for\s+update|for\s+share|for\s+no\s+key|nextval|pg_advisory|ledger_post_entry)/i;

/** A statement safe to send twice: a plain SELECT that neither writes nor locks. */
export function isRetryableRead(query: string): boolean {
  return READ_ONLY.test(query) && !WRITES.test(query);
}

export interface ReadRetry {
  /** Total time to keep trying, from the first attempt. */
  budgetMs: number;
  /** Pause before the first retry; doubles each time, up to 1 s. */
  firstDelayMs: number;
}

/** Run `attempt` again while it fails with a database fault, within the budget. */
export async function retryOnFault<T>(attempt: () => Promise<T>, opts: ReadRetry): Promise<T> {
  const started = Date.now();
  for (let delay = opts.firstDelayMs; ; delay = Math.min(delay * 2, 1000)) {
    try {
      return await attempt();
    } catch (e) {
      if (!isDbUnavailable(e) || Date.now() - started + delay > opts.budgetMs) throw e;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
