"use client";
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
      <div>
        <label htmlFor="give-name" className="block font-medium">
          {t.displayName}
        </label>
        <p id="give-name-hint" className="text-sm text-muted">
          {t.displayNameHint} {t.displayNameReview}
        </p>
        <input
          id="give-name"
          name="displayName"
          defaultValue={v.displayName}
          maxLength={80}
          autoComplete="name"
          aria-describedby={err.displayName ? "give-name-hint name-error" : "give-name-hint"}
          aria-invalid={Boolean(err.displayName)}
          className={`${box} mt-1 ${err.displayName ? "border-red-700" : "border-line"}`}
        />
        {err.displayName && (
          <p id="name-error" className={errorText}>
            {err.displayName}
          </p>
        )}
        <label className="mt-2 flex items-center gap-3">
          <input
            type="checkbox"
            name="anonymous"
            defaultChecked={v.anonymous === "on"}
            className="h-5 w-5 shrink-0 accent-brand"
          />
          <span>{t.anonymous}</span>
        </label>
      </div>

      <div>
        <label htmlFor="give-email" className="block font-medium">
          {t.email}
        </label>
        <p id="give-email-hint" className="text-sm text-muted">
          {t.emailHint}
        </p>
        <input
          id="give-email"
          name="email"
          type="email"
          defaultValue={v.email}
          autoComplete="email"
          aria-describedby={err.email ? "give-email-hint email-error" : "give-email-hint"}
          aria-invalid={Boolean(err.email)}
          className={`${box} mt-1 ${err.email ? "border-red-700" : "border-line"}`}
        />
        {err.email && (
          <p id="email-error" className={errorText}>
            {err.email}
          </p>
        )}
      </div>

      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          name="redirectConsent"
          defaultChecked={v.redirectConsent === "on"}
          className="mt-1 h-5 w-5 shrink-0 accent-brand"
        />
        <span>
          <span className="font-medium">{t.consent}</span>
          <span className="block text-sm text-muted">{t.consentHint}</span>
        </span>
      </label>
    </>
  );
}
