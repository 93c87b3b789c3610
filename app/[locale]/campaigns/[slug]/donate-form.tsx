"use client";
import { useActionState, useState, useSyncExternalStore, type FormEvent } from "react";
import { giftPreview, type AmountFields } from "@/lib/donations/give-amount";
import { PRESET_DOLLARS } from "@/lib/donations/limits";
import { formatMoney } from "@/lib/money";
import type { GiveState } from "./actions";
import type { GiveLabels } from "./give-labels";

type Action = (prev: GiveState, form: FormData) => Promise<GiveState>;

const box = "block w-full rounded-md border bg-white px-3 py-2 text-base";
const errorText = "mt-1 text-sm font-medium text-red-800";
const noSubscribe = () => () => {};

/** "Give {amount}" → "Give $37.00": the labels arrive translated, with placeholders for what the donor types. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

function readFields(form: HTMLFormElement): AmountFields & { frequency?: string } {
  const f = new FormData(form);
  const s = (k: string) => (typeof f.get(k) === "string" ? (f.get(k) as string) : undefined);
  return { preset: s("preset"), other: s("other"), coverFee: s("coverFee"), frequency: s("frequency") };
}

export interface DonateFormProps {
  action: Action;
  locale: string;
  maxCents: number;
  labels: GiveLabels;
}

/**
 * A plain HTML form posting to a server action, so it works without JavaScript. The
 * script only adds the live figures (fee cover, the amount on the button). Inputs are
 * uncontrolled and the form is re-mounted with what was typed after each answer, so a
 * refused amount stays exactly as typed (React's post-action form reset once re-ticked
 * the $50 preset and the next Continue charged $50).
 */
export function DonateForm(props: DonateFormProps) {
  const [state, formAction, pending] = useActionState(props.action, {
    attempt: 0,
    values: { preset: "50", frequency: "one_off" },
    errors: {},
  });
  return <GiveFields key={state.attempt} {...props} state={state} formAction={formAction} pending={pending} />;
}

function GiveFields({
  state,
  formAction,
  pending,
  locale,
  maxCents,
  labels: t,
}: DonateFormProps & { state: GiveState; formAction: (f: FormData) => void; pending: boolean }) {
  const v = state.values;
  const typed = (v.other ?? "").trim() !== "";
  const initialPreset = typed ? "other" : (v.preset ?? "50");
  const [fields, setFields] = useState<AmountFields & { frequency?: string }>({ ...v, preset: initialPreset });
  // False on the server and in a browser without JavaScript: then no figure is shown that could go stale.
  const live = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const preview = live ? giftPreview(fields, maxCents) : null;
  const monthly = fields.frequency === "monthly";
  const money = (c: number) => formatMoney(c, locale);
  // Once the donor edits the amount, the refusal of the old one no longer applies (it would contradict "Give $37.00").
  const [amountEdited, setAmountEdited] = useState(false);
  const err = amountEdited ? { ...state.errors, amount: undefined } : state.errors;

  function onChange(e: FormEvent<HTMLFormElement>) {
    const form = e.currentTarget;
    const target = e.target as HTMLInputElement;
    if (target.name === "other" || target.name === "preset") setAmountEdited(true);
    if (target.name === "other" && target.value.trim() !== "") {
      const other = form.querySelector<HTMLInputElement>('input[name="preset"][value="other"]');
      if (other) other.checked = true;
    }
    if (target.name === "preset" && target.value !== "other") {
      const box = form.querySelector<HTMLInputElement>('input[name="other"]');
      if (box) box.value = "";
    }
    setFields(readFields(form));
  }

  return (
    <form
      action={formAction}
      onChange={onChange}
      noValidate
      className="space-y-5"
      aria-describedby={err.form ? "give-form-error" : undefined}
    >
      <h2 className="text-xl font-semibold">{t.title}</h2>
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
        <legend className="mb-2 font-medium">{t.amount}</legend>
        <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
          {[...PRESET_DOLLARS.map(String), "other"].map((p) => (
            <label key={p} className="cursor-pointer">
              <input
                type="radio"
                name="preset"
                value={p}
                defaultChecked={initialPreset === p}
                className="peer sr-only"
              />
              <span className="block rounded-md border border-line bg-white py-2 text-center font-semibold peer-checked:border-brand peer-checked:bg-brand peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent">
                {p === "other" ? t.other : formatMoney(Number(p) * 100, locale, { wholeDollars: true })}
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
            defaultValue={v.other ?? ""}
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
        <legend className="mb-2 font-medium">{t.frequency}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(["one_off", "monthly"] as const).map((f) => (
            <label key={f} className="cursor-pointer">
              <input
                type="radio"
                name="frequency"
                value={f}
                defaultChecked={(v.frequency ?? "one_off") === f}
                className="peer sr-only"
              />
              <span className="block rounded-md border border-line bg-white py-2 text-center font-medium peer-checked:border-brand peer-checked:bg-brand-soft peer-checked:text-brand peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent">
                {f === "monthly" ? t.monthly : t.oneOff}
              </span>
            </label>
          ))}
        </div>
        <p className="mt-2 text-sm text-muted">{t.monthlyNote}</p>
      </fieldset>

      <div>
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="coverFee"
            defaultChecked={v.coverFee === "on"}
            className="mt-1 h-5 w-5 shrink-0 accent-brand"
          />
          <span>
            <span className="font-medium" data-testid="cover-fee-label">
              {preview ? fill(t.coverFee, { fee: money(preview.feeCents) }) : t.coverFeeNoFigure}
            </span>
            <span className="block text-sm text-muted">{t.coverFeeHint}</span>
          </span>
        </label>
      </div>

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

      {preview && (
        <p className="text-sm text-muted" aria-live="polite" data-testid="give-total">
          {preview.cover
            ? fill(monthly ? t.itemisedMonthly : t.itemised, {
                gift: money(preview.giftCents),
                fee: money(preview.feeCents),
                total: money(preview.chargeCents),
              })
            : fill(monthly ? t.totalMonthly : t.total, { total: money(preview.chargeCents) })}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand px-4 py-3 text-lg font-semibold text-white hover:opacity-90 disabled:opacity-60"
      >
        {pending
          ? t.submitting
          : preview
            ? fill(monthly ? t.submitMonthly : t.submitAmount, { amount: money(preview.chargeCents) })
            : t.submit}
      </button>
    </form>
  );
}
