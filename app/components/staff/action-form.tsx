"use client";
/**
 * A form bound to a server action that keeps what was typed when the action
 * refuses: it dispatches manually, so React does not reset the fields, and it
 * shares the returned field errors with the inputs below it.
 */
import { createContext, startTransition, useActionState, useContext, type FormEvent, type ReactNode } from "react";
import type { FormState } from "@/lib/forms/form-state";

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

const FormStateContext = createContext<{ state: FormState; pending: boolean }>({
  state: { status: "idle" },
  pending: false,
});
export const useFormStateContext = () => useContext(FormStateContext);

export function ActionForm({
  action,
  children,
  className,
  label,
  okMessage,
}: {
  action: Action;
  children: ReactNode;
  className?: string;
  label?: string;
  okMessage?: string;
}) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" });
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const fd = new FormData(e.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    startTransition(() => dispatch(fd));
  }
  return (
    <FormStateContext.Provider value={{ state, pending }}>
      <form onSubmit={onSubmit} className={className} aria-label={label} noValidate aria-busy={pending}>
        <FormMessage state={state} okMessage={okMessage} />
        {children}
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
      className={`mb-4 rounded-md border p-3 text-sm ${error ? "border-accent bg-accent/5 text-ink" : "border-brand bg-brand-soft"}`}
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
      {children}
    </button>
  );
}
