"use client";
/** Labelled inputs that show their own error from the surrounding ActionForm, in words, next to the field. */
import { useState, type ReactNode } from "react";
import { useFormStateContext } from "./form-context";

const inputClass =
  "mt-1 w-full rounded-md border border-line bg-white px-3 py-2 text-sm aria-[invalid=true]:border-accent aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-accent";

interface Base {
  name: string;
  label: string;
  hint?: string;
  className?: string;
}

/** The field's error, and what was typed into it when the page came back without JavaScript. */
function useFieldError(name: string, errorKey = name) {
  const { state } = useFormStateContext();
  const error = state.fieldErrors?.[errorKey];
  const describedBy = error ? `${name}-error` : undefined;
  const typed = state.status === "error" ? state.values?.[name] : undefined;
  return { error, typed, a11y: { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } };
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
  placeholder,
  errorKey,
  ...b
}: Base & { type?: string; defaultValue?: string; autoComplete?: string; placeholder?: string; errorKey?: string }) {
  const { error, typed, a11y } = useFieldError(b.name, errorKey);
  return (
    <Wrap {...b} error={error}>
      <input
        id={b.name}
        name={b.name}
        type={type}
        defaultValue={typed ?? defaultValue}
        autoComplete={autoComplete}
        placeholder={placeholder}
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
  const { error, typed, a11y } = useFieldError(b.name);
  return (
    <Wrap {...b} error={error}>
      <select id={b.name} name={b.name} defaultValue={typed ?? defaultValue ?? ""} className={inputClass} {...a11y}>
        {placeholder ? <option value="">{placeholder}</option> : null}
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
  const { error, typed, a11y } = useFieldError(b.name);
  const [length, setLength] = useState((typed ?? defaultValue).trim().length);
  return (
    <Wrap {...b} error={error}>
      <textarea
        id={b.name}
        name={b.name}
        rows={rows}
        defaultValue={typed ?? defaultValue}
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

/** A field described by data, for the simple forms that list their inputs (ActionForm's `fields`). */
export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "date" | "select" | "textarea" | "checkbox";
  options?: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
  placeholder?: string;
  /** When the action reports this field's error under another key (e.g. the cents it parsed). */
  errorKey?: string;
}

export function SpecField({ spec }: { spec: FieldSpec }) {
  const { type, options = [], placeholder, errorKey, ...b } = spec;
  if (type === "select") return <SelectField {...b} options={options} placeholder={placeholder ?? ""} />;
  if (type === "textarea") return <TextAreaField {...b} max={2000} rows={2} />;
  if (type === "checkbox") return <CheckboxField name={b.name} label={b.label} />;
  return <TextField {...b} type={type ?? "text"} placeholder={placeholder} errorKey={errorKey} />;
}
