"use client";
/** Labelled inputs that show their own error from the surrounding ActionForm, in words, next to the field. */
import { useState, type ReactNode } from "react";
import { useFormStateContext } from "./action-form";

const inputClass =
  "mt-1 w-full rounded-md border border-line bg-white px-3 py-2 text-sm aria-[invalid=true]:border-accent aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-accent";

interface Base {
  name: string;
  label: string;
  hint?: string;
  className?: string;
}

function useFieldError(name: string) {
  const { state } = useFormStateContext();
  const error = state.fieldErrors?.[name];
  const describedBy = error ? `${name}-error` : undefined;
  return { error, a11y: { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } };
}

function Wrap({ name, label, hint, error, className, children }: Base & { error?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
      {children}
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-accent" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  autoComplete = "off",
  ...b
}: Base & { type?: string; defaultValue?: string; autoComplete?: string }) {
  const { error, a11y } = useFieldError(b.name);
  return (
    <Wrap {...b} error={error}>
      <input
        id={b.name}
        name={b.name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        className={inputClass}
        {...a11y}
      />
    </Wrap>
  );
}

export function SelectField({
  options,
  defaultValue,
  placeholder = "Choose…",
  ...b
}: Base & {
  options: readonly (string | { value: string; label: string })[];
  defaultValue?: string;
  placeholder?: string;
}) {
  const { error, a11y } = useFieldError(b.name);
  return (
    <Wrap {...b} error={error}>
      <select id={b.name} name={b.name} defaultValue={defaultValue ?? ""} className={inputClass} {...a11y}>
        <option value="">{placeholder}</option>
        {options.map((o) => {
          const { value, label } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={value} value={value}>
              {label}
            </option>
          );
        })}
      </select>
    </Wrap>
  );
}

/** A textarea with a live character count against its limit. */
export function TextAreaField({
  defaultValue = "",
  max,
  rows = 8,
  ...b
}: Base & { defaultValue?: string; max: number; rows?: number }) {
  const { error, a11y } = useFieldError(b.name);
  const [length, setLength] = useState(defaultValue.trim().length);
  return (
    <Wrap {...b} error={error}>
      <textarea
        id={b.name}
        name={b.name}
        rows={rows}
        defaultValue={defaultValue}
        onChange={(e) => setLength(e.target.value.trim().length)}
        className={inputClass}
        {...a11y}
      />
      <p
        className={`text-right text-xs ${length > max ? "font-semibold text-accent" : "text-muted"}`}
        aria-live="polite"
        data-testid={`${b.name}-count`}
      >
        {length.toLocaleString("en-US")} / {max.toLocaleString("en-US")} characters
      </p>
    </Wrap>
  );
}

export function CheckboxField({
  name,
  label,
  defaultChecked,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
}) {
  const { error, a11y } = useFieldError(name);
  return (
    <div>
      <label className="flex items-start gap-2 text-sm">
        <input
          id={name}
          name={name}
          type="checkbox"
          defaultChecked={defaultChecked}
          className="mt-0.5 h-4 w-4"
          {...a11y}
        />
        <span>{label}</span>
      </label>
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-accent" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
