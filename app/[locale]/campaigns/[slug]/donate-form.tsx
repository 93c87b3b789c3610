"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { MIN_GIFT_CENTS, PRESET_DOLLARS } from "@/lib/donations/limits";
import { coverFeeFor } from "@/lib/donations/fees";
import { formatUsd, parseUsd } from "@/lib/money";
import type { GiveState } from "./actions";

type Action = (prev: GiveState, form: FormData) => Promise<GiveState>;

function giftCents(preset: string, other: string): number | null {
  try {
    const v = preset === "other" ? parseUsd(other) : Number(preset) * 100;
    return Number.isSafeInteger(v) && v >= MIN_GIFT_CENTS ? v : null;
  } catch {
    return null;
  }
}

const box = "block w-full rounded-md border bg-white px-3 py-2 text-base";
const errorText = "mt-1 text-sm font-medium text-red-800";

export function DonateForm({ action, alias }: { action: Action; alias: string }) {
  const t = useTranslations("give");
  const [state, formAction, pending] = useActionState(action, {
    values: { preset: "50", frequency: "one_off" },
    errors: {},
  });
  const v = state.values;
  const [preset, setPreset] = useState(v.preset ?? "50");
  const [other, setOther] = useState(v.other ?? "");
  const [monthly, setMonthly] = useState(v.frequency === "monthly");
  const [cover, setCover] = useState(v.coverFee === "on");
  const gift = giftCents(preset, other);
  const fee = gift ? coverFeeFor(gift) : null;
  const err = state.errors;

  return (
    <form
      action={formAction}
      noValidate
      className="space-y-5"
      aria-describedby={err.form ? "give-form-error" : undefined}
    >
      <h2 className="text-xl font-semibold">{t("title", { alias: `${alias}*` })}</h2>
      {err.form && (
        <p
          id="give-form-error"
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
        >
          {err.form}
        </p>
      )}
      <fieldset aria-describedby={err.amount ? "amount-error" : undefined}>
        <legend className="mb-2 font-medium">{t("amount")}</legend>
        <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
          {[...PRESET_DOLLARS.map(String), "other"].map((p) => (
            <label key={p} className="cursor-pointer">
              <input
                type="radio"
                name="preset"
                value={p}
                checked={preset === p}
                onChange={() => setPreset(p)}
                className="peer sr-only"
              />
              <span className="block rounded-md border border-line bg-white py-2 text-center font-semibold peer-checked:border-brand peer-checked:bg-brand peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent">
                {p === "other" ? t("other") : `$${p}`}
              </span>
            </label>
          ))}
        </div>
        <label htmlFor="give-other" className="mt-3 block text-sm font-medium">
          {t("otherAmount")}
        </label>
        <div className="relative mt-1">
          <span aria-hidden="true" className="absolute left-3 top-2 text-muted">
            $
          </span>
          <input
            id="give-other"
            name="other"
            inputMode="decimal"
            autoComplete="off"
            value={other}
            onChange={(e) => {
              setOther(e.target.value);
              setPreset("other");
            }}
            aria-invalid={Boolean(err.amount)}
            aria-describedby={err.amount ? "amount-error" : undefined}
            className={`${box} pl-7 ${err.amount ? "border-red-700" : "border-line"}`}
          />
        </div>
        {err.amount && (
          <p id="amount-error" className={errorText}>
            {err.amount}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend className="mb-2 font-medium">{t("frequency")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(["one_off", "monthly"] as const).map((f) => (
            <label key={f} className="cursor-pointer">
              <input
                type="radio"
                name="frequency"
                value={f}
                checked={monthly === (f === "monthly")}
                onChange={() => setMonthly(f === "monthly")}
                className="peer sr-only"
              />
              <span className="block rounded-md border border-line bg-white py-2 text-center font-medium peer-checked:border-brand peer-checked:bg-brand-soft peer-checked:text-brand peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent">
                {f === "monthly" ? t("monthly") : t("oneOff")}
              </span>
            </label>
          ))}
        </div>
        {monthly && <p className="mt-2 text-sm text-muted">{t("monthlyNote")}</p>}
      </fieldset>

      <div>
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="coverFee"
            checked={cover}
            onChange={(e) => setCover(e.target.checked)}
            className="mt-1 h-5 w-5 shrink-0 accent-brand"
          />
          <span>
            <span className="font-medium" data-testid="cover-fee-label">
              {t("coverFee", { fee: fee ? formatUsd(fee) : "—" })}
            </span>
            <span className="block text-sm text-muted">{t("coverFeeHint")}</span>
          </span>
        </label>
      </div>

      <div>
        <label htmlFor="give-name" className="block font-medium">
          {t("displayName")}
        </label>
        <p id="give-name-hint" className="text-sm text-muted">
          {t("displayNameHint")} {t("displayNameReview")}
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
          <span>{t("anonymous")}</span>
        </label>
      </div>

      <div>
        <label htmlFor="give-email" className="block font-medium">
          {t("email")}
        </label>
        <p id="give-email-hint" className="text-sm text-muted">
          {t("emailHint")}
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
          <span className="font-medium">{t("consent")}</span>
          <span className="block text-sm text-muted">{t("consentHint")}</span>
        </span>
      </label>

      {gift && (
        <p className="text-sm text-muted" aria-live="polite">
          {t("total", { total: formatUsd(gift + (cover && fee ? fee : 0)), monthly: String(monthly) })}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand px-4 py-3 text-lg font-semibold text-white hover:opacity-90 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
