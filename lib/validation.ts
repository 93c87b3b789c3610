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
