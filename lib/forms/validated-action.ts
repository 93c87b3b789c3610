/**
 * The one wrapper every staff server action is built with (app/(staff)/**\/actions.ts):
 * it resolves the signed-in principal (nobody → sign-in), parses the form with a
 * zod schema (refusal → errors next to the fields, nothing run), runs the action,
 * and turns an AppError into form state. Anything unexpected becomes the generic
 * message, logged by class only. next/navigation's redirect and notFound pass through.
 *
 * Bound arguments (e.g. `action.bind(null, bondId)`) come first, as React passes them;
 * they arrive from the browser, so the action still checks them (requireId).
 */
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { PASSKEY_PAGE } from "@/lib/auth/passkeys/paths";
import type { Principal } from "@/lib/auth/roles";
import { isPending } from "@/lib/auth/second-factor";
import { isAppError } from "@/lib/errors";
import { formError, schemaError, type FormState } from "./form-state";

export interface ActionContext {
  me: Principal;
  db: Db;
  formData: FormData;
}

/** Any form: every text field by name (files and React's own `$ACTION_…` fields left out). */
export const anyFields = z.record(z.string(), z.string());

/** The form's text fields and files by name, without React's own `$ACTION_…` fields. */
function formEntries(fd: FormData): Record<string, FormDataEntryValue> {
  const out: Record<string, FormDataEntryValue> = {};
  for (const [k, v] of fd.entries()) if (!k.startsWith("$") && !(k in out)) out[k] = v;
  return out;
}

function typedValues(entries: Record<string, FormDataEntryValue>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter((e): e is [string, string] => typeof e[1] === "string"));
}

export interface ActionOptions<I> {
  /** A refusal that concerns one field (a rejection's reason): shown next to it as well as above the form. */
  errorField?: string | ((input: I) => string | undefined);
  /** Only the passkey page's recovery-code form: runs for a session still proving its second factor. */
  pendingSecondFactor?: true;
}

export function validatedAction<S extends z.ZodType, B extends unknown[] = []>(
  schema: S,
  run: (input: z.output<S>, ctx: ActionContext, ...bound: B) => Promise<FormState>,
  options: ActionOptions<z.output<S>> = {},
): (...args: [...B, FormState, FormData]) => Promise<FormState> {
  return async (...args) => {
    const fd = args[args.length - 1];
    const bound = args.slice(0, -2) as B;
    const me = await currentPrincipal();
    if (!me) redirect("/sign-in");
    // A session that has not proved its second factor runs no staff action but the passkey page's own.
    if (isPending(me.secondFactor) && !options.pendingSecondFactor) redirect(PASSKEY_PAGE);
    const entries = fd instanceof FormData ? formEntries(fd) : {};
    const values = typedValues(entries);
    const parsed = schema.safeParse((schema as z.ZodType) === anyFields ? values : entries);
    if (!parsed.success) return { ...schemaError(parsed.error), values };
    try {
      return await run(parsed.data, { me, db: await getDb(), formData: fd as FormData }, ...bound);
    } catch (e) {
      unstable_rethrow(e);
      const state = formError(e);
      const field = typeof options.errorField === "function" ? options.errorField(parsed.data) : options.errorField;
      if (field && isAppError(e) && state.message && !state.fieldErrors?.[field])
        state.fieldErrors = { ...state.fieldErrors, [field]: state.message };
      return { ...state, values };
    }
  };
}
