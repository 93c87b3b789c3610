"use client";
import { PRESET_DOLLARS } from "@/lib/donations/limits";
import { formatMoney } from "@/lib/money";
import { box, errorText } from "./form-bits";
import type { GiveLabels } from "./give-labels";

/** The preset amounts and the Other box. */
export function AmountFieldset(p: {
  t: GiveLabels;
  locale: string;
  initialPreset: string;
  other: string | undefined;
  error: string | undefined;
}) {
  const { t, error } = p;
  return (
    <fieldset aria-describedby={error ? "amount-error" : undefined}>
      <legend className="mb-2 font-medium">{t.amount}</legend>
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
        {[...PRESET_DOLLARS.map(String), "other"].map((v) => (
          <label key={v} className="cursor-pointer">
            <input
              type="radio"
              name="preset"
              value={v}
              defaultChecked={p.initialPreset === v}
              className="peer sr-only"
            />
            <span className="block rounded-md border border-line bg-white py-2 text-center font-semibold peer-checked:border-brand peer-checked:bg-brand peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent">
              {v === "other" ? t.other : formatMoney(Number(v) * 100, p.locale, { wholeDollars: true })}
            </span>
          </label>
        ))}
      </div>
      <label htmlFor="give-other" className="mt-3 block text-sm font-medium">
        {t.otherAmount}
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
          defaultValue={p.other ?? ""}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "amount-error" : undefined}
          className={`${box} pl-7 ${error ? "border-red-700" : "border-line"}`}
        />
      </div>
      {error && (
        <p id="amount-error" className={errorText}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
