/**
 * The last line of defence for log output: whatever writes a line (our pino logger, Next.js's
 * own error printing, Auth.js, a library), emails, sign-in and cancel tokens, session cookies
 * and SQL text with its parameters never reach it. Installed on the console once per server
 * process (instrumentation.ts) and used by lib/log.ts on every message.
 */

const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const SECRET_PARAM = /\b(token|session-token|sessionToken|callbackUrl|email|to|ob_donor)=([^&\s"']+)/gi;
// drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <values>" (case-file values, emails).
const FAILED_QUERY = /Failed query:[\s\S]*?(?:params:[^\n]*|$)/g;

export function scrubText(text: string): string {
  return text
    .replace(FAILED_QUERY, "Failed query: [query and parameters withheld]")
    .replace(SECRET_PARAM, (_m, k: string) => `${k}=[redacted]`)
    .replace(EMAIL, "[email]");
}

/** A copy of `value` safe to print: strings scrubbed, errors rebuilt with scrubbed message and stack. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value instanceof Error) {
    const safe = new Error(scrubText(value.message));
    safe.name = value.name;
    safe.stack = value.stack ? scrubText(value.stack) : undefined;
    const code = (value as { code?: unknown }).code;
    if (typeof code === "string") (safe as Error & { code?: string }).code = code;
    if (value.cause !== undefined && depth < 3) safe.cause = scrubValue(value.cause, depth + 1);
    const digest = (value as { digest?: unknown }).digest;
    if (typeof digest === "string") (safe as Error & { digest?: string }).digest = digest;
    return safe;
  }
  return value;
}

const holder = globalThis as typeof globalThis & { __openbondConsoleScrub?: boolean };

export function installConsoleScrub(): void {
  if (holder.__openbondConsoleScrub) return;
  holder.__openbondConsoleScrub = true;
  for (const level of ["error", "warn", "info", "log", "debug"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => original(...args.map((a) => scrubValue(a)));
  }
}
