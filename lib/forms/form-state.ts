/**
 * What a staff form shows after a server action: one message, errors next to
 * fields, warnings, and the values typed (so a form re-rendered without
 * JavaScript keeps them). Built only from AppError messages, which never carry
 * case-file values; anything unexpected becomes the generic public message.
 */
import type { z } from "zod";
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
  /** What was typed, returned on an error to the person who typed it (never logged). */
  values?: Record<string, string>;
}

export const IDLE: FormState = { status: "idle" };

const FIX_FIELDS = "Nothing was submitted: correct the fields marked below.";

/** The PII guard names fields by their labels ("Story"); forms name inputs by key ("story"). */
const GUARD_FIELD_KEYS: Record<string, string> = {
  Alias: "alias",
  Region: "region",
  Summary: "summary",
  Story: "story",
  "English update": "bodyEn",
  "Spanish update": "bodyEs",
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
  const message = Object.keys(fieldErrors).length ? FIX_FIELDS : e.message;
  return { status: "error", message, fieldErrors };
}

/** A zod refusal of a form, field by field (the first message per field), in the schema's own words. */
export function schemaError(error: z.ZodError): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  return { status: "error", message: FIX_FIELDS, fieldErrors };
}

export const ok = (message: string, extra: Omit<FormState, "status" | "message"> = {}): FormState => ({
  status: "ok",
  message,
  ...extra,
});
