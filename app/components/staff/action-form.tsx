"use client";
/**
 * The one staff form: bound to a server action built with lib/forms/validated-action.ts.
 * With JavaScript it dispatches itself, so React does not reset what was typed when the
 * action refuses; without it the form posts to the action and the page comes back with the
 * typed values in the state. The outcome and field errors are shared with the inputs below.
 */
import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { SpecField, type FieldSpec } from "./fields";
import { FormStateContext, useFormStateContext } from "./form-context";

export type { FieldSpec } from "./fields";
export { useFormStateContext } from "./form-context";

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export function ActionForm({
  action,
  children,
  className = "space-y-3",
  label,
  okMessage,
  fields = [],
  submitLabel,
  danger,
  testId,
  onInput,
}: {
  action: Action;
  children?: ReactNode;
  className?: string;
  label?: string;
  okMessage?: string;
  /** Simple forms list their inputs; richer ones put fields from ./fields among the children. */
  fields?: FieldSpec[];
  /** Given, the form ends with its own submit button; otherwise a SubmitButton goes among the children. */
  submitLabel?: string;
  danger?: boolean;
  testId?: string;
  onInput?: (e: FormEvent<HTMLFormElement>) => void;
}) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const fd = new FormData(e.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    startTransition(() => dispatch(fd));
  }
  return (
    <FormStateContext.Provider value={{ state, pending }}>
      <form
        action={dispatch}
        onSubmit={onSubmit}
        onInput={onInput}
        className={className}
        aria-label={label}
        data-testid={testId}
        noValidate
        aria-busy={pending}
      >
        <FormMessage state={state} okMessage={okMessage} />
        {children}
        {fields.map((f) => (
          <SpecField key={f.name} spec={f} />
        ))}
        {submitLabel ? <SubmitButton variant={danger ? "danger" : "primary"}>{submitLabel}</SubmitButton> : null}
      </form>
    </FormStateContext.Provider>
  );
}

function FormMessage({ state, okMessage }: { state: FormState; okMessage?: string }) {
  if (state.status === "idle") return null;
  const error = state.status === "error";
  return (
    <div
      role={error ? "alert" : "status"}
      data-testid={error ? "form-error" : "form-ok"}
      className={`rounded-md border p-3 text-sm ${error ? "border-accent bg-accent/5 text-ink" : "border-brand bg-brand-soft"}`}
    >
      <p className="font-semibold">{state.message ?? okMessage ?? "Saved."}</p>
      {state.warnings?.length ? (
        <ul className="mt-2 list-disc pl-5" data-testid="form-warnings">
          {state.warnings.map((w) => (
            <li key={w}>Warning: {w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  variant = "primary",
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { pending } = useFormStateContext();
  const styles = {
    primary: "bg-brand text-white hover:opacity-90",
    secondary: "border border-line bg-white text-ink hover:bg-brand-soft",
    danger: "bg-accent text-white hover:opacity-90",
  }[variant];
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      className={`rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${styles}`}
    >
      {pending ? "Working…" : children}
    </button>
  );
}
