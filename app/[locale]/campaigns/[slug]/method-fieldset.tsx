"use client";
import type { GiftPreview } from "@/lib/donations/give-amount";
import { choice, errorText, fill } from "./form-bits";
import type { GiveLabels } from "./give-labels";

/**
 * How often, and how to pay. Bank debit is offered only for one-time gifts
 * from the fund's minimum: with JavaScript its radio appears once the amount
 * qualifies (with what it saves the fund); without, both radios show with the
 * rule, and the server refuses bank below the minimum with a clear message.
 */
export function FrequencyAndMethod(p: {
  t: GiveLabels;
  live: boolean;
  preview: GiftPreview | null;
  frequency: string | undefined;
  method: string | undefined;
  money: (cents: number) => string;
  error: string | undefined;
}) {
  const { t, preview, error } = p;
  const showBank = !p.live || Boolean(preview?.bankAvailable);
  return (
    <>
      <fieldset>
        <legend className="mb-2 font-medium">{t.frequency}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(["one_off", "monthly"] as const).map((f) => (
            <label key={f} className="cursor-pointer">
              <input
                type="radio"
                name="frequency"
                value={f}
                defaultChecked={(p.frequency ?? "one_off") === f}
                className="peer sr-only"
              />
              <span className={choice}>{f === "monthly" ? t.monthly : t.oneOff}</span>
            </label>
          ))}
        </div>
        <p className="mt-2 text-sm text-muted">{t.monthlyNote}</p>
      </fieldset>

      <fieldset aria-describedby={error ? "method-error" : "method-hint"}>
        <legend className="mb-2 font-medium">{t.method}</legend>
        <div className="grid grid-cols-2 gap-2">
          <label className="cursor-pointer">
            <input
              type="radio"
              name="paymentMethod"
              value="card"
              defaultChecked={p.method !== "us_bank_account"}
              className="peer sr-only"
            />
            <span className={choice}>{t.methodCard}</span>
          </label>
          {showBank && (
            <label className="cursor-pointer">
              <input
                type="radio"
                name="paymentMethod"
                value="us_bank_account"
                defaultChecked={p.method === "us_bank_account"}
                className="peer sr-only"
              />
              <span className={choice}>{t.methodBank}</span>
            </label>
          )}
        </div>
        <p id="method-hint" className="mt-2 text-sm text-muted" data-testid="bank-note">
          {preview?.bankAvailable
            ? `${fill(t.bankSaves, { savings: p.money(preview.bankSavingsCents) })} ${preview.method === "us_bank_account" ? t.bankPending : ""}`
            : t.bankFrom}
        </p>
        {error && (
          <p id="method-error" className={errorText}>
            {error}
          </p>
        )}
      </fieldset>
    </>
  );
}
