"use client";
import { useActionState, useState, useSyncExternalStore, type FormEvent } from "react";
import type { FeeRates } from "@/lib/donations/fees";
import { giftPreview, type AmountFields } from "@/lib/donations/give-amount";
import { formatMoney } from "@/lib/money";
import type { GiveState } from "./actions";
import { AmountFieldset } from "./amount-fieldset";
import { DonorFields, HintedCheckbox } from "./donor-fields";
import { fill } from "./form-bits";
import type { GiveLabels } from "./give-labels";
import { FrequencyAndMethod } from "./method-fieldset";

type Action = (prev: GiveState, form: FormData) => Promise<GiveState>;

const noSubscribe = () => () => {};

function readFields(form: HTMLFormElement): AmountFields {
  const f = new FormData(form);
  const s = (k: string) => (typeof f.get(k) === "string" ? (f.get(k) as string) : undefined);
  return {
    preset: s("preset"),
    other: s("other"),
    coverFee: s("coverFee"),
    frequency: s("frequency"),
    paymentMethod: s("paymentMethod"),
  };
}

export interface DonateFormProps {
  action: Action;
  locale: string;
  maxCents: number;
  /** The fund's card and bank rates (lib/env.ts), so the fee cover shown is the one charged. */
  rates: FeeRates;
  labels: GiveLabels;
}

/**
 * A plain HTML form posting to a server action, so it works without JavaScript. The
 * script only adds the live figures (fee cover, bank savings, the amount on the button).
 * Inputs are uncontrolled and the form is re-mounted with what was typed after each
 * answer, so a refused amount stays exactly as typed (React's post-action form reset
 * once re-ticked the $50 preset and the next Continue charged $50).
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
  rates,
  labels: t,
}: DonateFormProps & { state: GiveState; formAction: (f: FormData) => void; pending: boolean }) {
  const v = state.values;
  const typed = (v.other ?? "").trim() !== "";
  const initialPreset = typed ? "other" : (v.preset ?? "50");
  const [fields, setFields] = useState<AmountFields>({ ...v, preset: initialPreset });
  // False on the server and in a browser without JavaScript: then no figure is shown that could go stale.
  const live = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const preview = live ? giftPreview(fields, maxCents, rates) : null;
  const monthly = fields.frequency === "monthly";
  const bank = preview?.method === "us_bank_account";
  const money = (c: number) => formatMoney(c, locale);
  // Once the donor edits the amount, the refusal of the old one no longer applies (it would contradict "Give $37.00").
  const [amountEdited, setAmountEdited] = useState(false);
  const err = amountEdited ? { ...state.errors, amount: undefined, paymentMethod: undefined } : state.errors;

  function onChange(e: FormEvent<HTMLFormElement>) {
    const form = e.currentTarget;
    const target = e.target as HTMLInputElement;
    if (["other", "preset", "frequency", "paymentMethod"].includes(target.name)) setAmountEdited(true);
    if (target.name === "other" && target.value.trim() !== "") {
      const other = form.querySelector<HTMLInputElement>('input[name="preset"][value="other"]');
      if (other) other.checked = true;
    }
    if (target.name === "preset" && target.value !== "other") {
      const box = form.querySelector<HTMLInputElement>('input[name="other"]');
      if (box) box.value = "";
    }
    const next = readFields(form);
    // The bank radio goes away when the gift stops qualifying: fall back to card visibly, not to nothing ticked.
    if (next.paymentMethod === "us_bank_account" && !giftPreview(next, maxCents, rates)?.bankAvailable) {
      const card = form.querySelector<HTMLInputElement>('input[name="paymentMethod"][value="card"]');
      if (card) card.checked = true;
      next.paymentMethod = "card";
    }
    setFields(next);
  }

  const total = preview
    ? preview.cover
      ? fill(bank ? t.itemisedBank : monthly ? t.itemisedMonthly : t.itemised, {
          gift: money(preview.giftCents),
          fee: money(preview.feeCents),
          total: money(preview.chargeCents),
        })
      : fill(bank ? t.totalBank : monthly ? t.totalMonthly : t.total, { total: money(preview.chargeCents) })
    : null;
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
      {/* Read-only while the answer is on its way: it re-mounts the form with what was sent, so a
          figure typed meanwhile would vanish (and the refusal would sit beside it). */}
      <fieldset disabled={pending} className="min-w-0 space-y-5">
        <AmountFieldset t={t} locale={locale} initialPreset={initialPreset} other={v.other} error={err.amount} />
        <FrequencyAndMethod
          t={t}
          live={live}
          preview={preview}
          frequency={v.frequency}
          method={v.paymentMethod}
          money={money}
          error={err.paymentMethod}
        />
        <div>
          <HintedCheckbox
            name="coverFee"
            checked={v.coverFee === "on"}
            label={preview ? fill(t.coverFee, { fee: money(preview.feeCents) }) : t.coverFeeNoFigure}
            hint={bank ? t.coverFeeHintBank : t.coverFeeHint}
            labelTestId="cover-fee-label"
          />
        </div>
        <DonorFields t={t} v={v} err={err} />
      </fieldset>
      {total && (
        <p className="text-sm text-muted" aria-live="polite" data-testid="give-total">
          {total}
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
