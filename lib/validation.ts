import type { z } from "zod";
import { AppError } from "./errors";

/** Parse with zod; on failure throw one validation AppError whose message names each field's problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const res = schema.safeParse(input);
  if (res.success) return res.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of res.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  throw new AppError("validation", Object.values(fieldErrors).join(" "), { fieldErrors });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id from a URL or a bound action argument. A malformed one names nothing
 * that exists, so it is "not found" here, before the database would reject it
 * with a type error (which would surface as a 500).
 */
export function requireId(id: unknown, what: string): string {
  if (typeof id !== "string" || !UUID.test(id)) throw new AppError("not_found", `No ${what} with that id.`);
  return id;
}
