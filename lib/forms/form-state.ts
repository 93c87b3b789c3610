/**
 * What a staff form shows after a server action: one message, errors next to
 * fields, warnings. Built only from AppError messages, which never carry
 * case-file values; anything unexpected becomes the generic public message.
 */
import { isAppError } from "@/lib/errors";
import { publicMessage } from "@/lib/error-responses";
import { log } from "@/lib/log";

export interface FormState {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  warnings?: string[];
  /** The record the action created or saved, so the next submit updates it instead of creating another. */
  savedId?: string;
}

export const IDLE: FormState = { status: "idle" };

/** The PII guard names fields by their labels ("Story"); forms name inputs by key ("story"). */
const GUARD_FIELD_KEYS: Record<string, string> = {
  Alias: "alias",
  Region: "region",
  Summary: "summary",
  Story: "story",
};

export function formError(e: unknown): FormState {
  if (!isAppError(e)) {
    // Log only the error class: messages of foreign errors could contain input.
    log.error({ err: e instanceof Error ? e.name : typeof e }, "unexpected error in a staff form");
    return { status: "error", message: publicMessage(e) };
  }
  const fieldErrors: Record<string, string> = {};
  const given = e.details?.fieldErrors;
  if (given && typeof given === "object") Object.assign(fieldErrors, given as Record<string, string>);
  const findings = e.details?.findings;
  if (Array.isArray(findings)) {
    for (const f of findings as { field: string; message: string }[]) {
      const key = GUARD_FIELD_KEYS[f.field] ?? "story";
      fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]} ${f.message}` : f.message;
    }
  }
  const message = Object.keys(fieldErrors).length
    ? "Nothing was submitted: correct the fields marked below."
    : e.message;
  return { status: "error", message, fieldErrors };
}

/** Run a lib call; on failure return the form state instead of throwing, so the action can redirect only on success. */
export async function attempt<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; state: FormState }> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, state: formError(e) };
  }
}
