"use client";
import type { InputHTMLAttributes, ReactNode } from "react";
import type { GiveValues } from "@/lib/donations/give-form";
import { box, errorText } from "./form-bits";
import type { GiveLabels } from "./give-labels";

/** Name on the wall, receipt email and the redirect consent. */
export function DonorFields({
  t,
  v,
  err,
}: {
  t: GiveLabels;
  v: GiveValues;
  err: { displayName?: string; email?: string };
}) {
  return (
    <>
      <TextInput
        id="give-name"
        errorId="name-error"
        label={t.displayName}
        hint={`${t.displayNameHint} ${t.displayNameReview}`}
        error={err.displayName}
        name="displayName"
        defaultValue={v.displayName}
        maxLength={80}
        autoComplete="name"
      >
        <label className="mt-2 flex items-center gap-3">
          <input
            type="checkbox"
            name="anonymous"
            defaultChecked={v.anonymous === "on"}
            className="h-5 w-5 shrink-0 accent-brand"
          />
          <span>{t.anonymous}</span>
        </label>
      </TextInput>

      <TextInput
        id="give-email"
        errorId="email-error"
        label={t.email}
        hint={t.emailHint}
        error={err.email}
        name="email"
        type="email"
        defaultValue={v.email}
        autoComplete="email"
      />

      <HintedCheckbox
        name="redirectConsent"
        checked={v.redirectConsent === "on"}
        label={t.consent}
        hint={t.consentHint}
      />
    </>
  );
}

/** A labelled text input with its hint below the label and its error, if any, below the input. */
function TextInput({
  id,
  errorId,
  label,
  hint,
  error,
  children,
  ...input
}: {
  id: string;
  errorId: string;
  label: string;
  hint: string;
  error?: string;
  children?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      <input
        id={id}
        {...input}
        aria-describedby={error ? `${id}-hint ${errorId}` : `${id}-hint`}
        aria-invalid={Boolean(error)}
        className={`${box} mt-1 ${error ? "border-red-700" : "border-line"}`}
      />
      {error && (
        <p id={errorId} className={errorText}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

/** A checkbox with a bold label and a muted hint below it (the fee cover, the redirect consent). */
export function HintedCheckbox({
  name,
  checked,
  label,
  hint,
  labelTestId,
}: {
  name: string;
  checked: boolean;
  label: ReactNode;
  hint: ReactNode;
  labelTestId?: string;
}) {
  return (
    <label className="flex items-start gap-3">
      <input type="checkbox" name={name} defaultChecked={checked} className="mt-1 h-5 w-5 shrink-0 accent-brand" />
      <span>
        <span className="font-medium" data-testid={labelTestId}>
          {label}
        </span>
        <span className="block text-sm text-muted">{hint}</span>
      </span>
    </label>
  );
}
