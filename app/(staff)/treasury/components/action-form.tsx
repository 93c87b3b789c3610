"use client";
import { useActionState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/treasury-form-state";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "date" | "select" | "textarea";
  options?: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
  placeholder?: string;
}

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** A staff form: the outcome appears next to it, and the typed values survive an error. */
export function ActionForm({
  action,
  fields = [],
  submitLabel,
  danger,
  testId,
  children,
}: {
  action: Action;
  fields?: FieldSpec[];
  submitLabel: string;
  danger?: boolean;
  testId?: string;
  children?: React.ReactNode;
}) {
  const [state, run, pending] = useActionState(action, EMPTY_FORM);
  return (
    <form action={run} className="space-y-3" data-testid={testId} noValidate>
      {children}
      {fields.map((f) => (
        <Field
          key={f.name}
          spec={f}
          value={state.values?.[f.name] ?? f.defaultValue}
          error={state.fieldErrors?.[f.name]}
        />
      ))}
      <FormOutcome state={state} />
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 ${danger ? "bg-accent" : "bg-brand"} hover:opacity-90`}
      >
        {pending ? "Working…" : submitLabel}
      </button>
    </form>
  );
}

export function FormOutcome({ state }: { state: FormState }) {
  if (state.error) {
    return (
      <p
        role="alert"
        className="rounded border border-accent/40 bg-red-50 p-2 text-sm text-accent"
        data-testid="form-error"
      >
        {state.error}
      </p>
    );
  }
  if (state.ok) {
    return (
      <p
        role="status"
        className="rounded border border-brand/30 bg-brand-soft p-2 text-sm text-brand"
        data-testid="form-ok"
      >
        {state.ok}
      </p>
    );
  }
  return null;
}

export function Field({ spec, value, error }: { spec: FieldSpec; value?: string; error?: string }) {
  const id = `f-${spec.name}`;
  const common = {
    id,
    name: spec.name,
    defaultValue: value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": spec.hint || error ? `${id}-note` : undefined,
    className: "w-full rounded-md border border-line bg-white px-2 py-1.5 text-sm",
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {spec.label}
      </label>
      {spec.type === "select" ? (
        <select {...common} key={value}>
          {spec.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : spec.type === "textarea" ? (
        <textarea {...common} rows={2} placeholder={spec.placeholder} />
      ) : (
        <input {...common} type={spec.type ?? "text"} placeholder={spec.placeholder} />
      )}
      {spec.hint || error ? (
        <p id={`${id}-note`} className={`mt-0.5 text-xs ${error ? "text-accent" : "text-muted"}`}>
          {error ?? spec.hint}
        </p>
      ) : null}
    </div>
  );
}
