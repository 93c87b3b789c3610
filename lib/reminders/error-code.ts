/** What a log line may say about an error: its class and code (an SQLSTATE, a Node code), never its message, which can quote data. */
export function errorTag(e: unknown): { err: string; code?: string } {
  if (!(e instanceof Error)) return { err: typeof e };
  const own = (e as { code?: unknown }).code;
  const cause = (e as { cause?: { code?: unknown } }).cause?.code;
  const code = typeof own === "string" ? own : typeof cause === "string" ? cause : undefined;
  return code ? { err: e.name, code } : { err: e.name };
}
