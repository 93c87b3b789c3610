"use client";
import { useActionState, useState } from "react";
import { bondInterest, type QuarterRate } from "@/lib/bonds/interest";
import { formatUsd, parseUsd } from "@/lib/money";
import { EMPTY_FORM, type FormState } from "@/lib/forms/treasury-form-state";
import { Field, FormOutcome } from "../../components/action-form";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

function preview(
  amount: number,
  postedOn: string,
  refundedOn: string,
  rates: QuarterRate[],
): { cents: number; days: number } | string {
  try {
    const r = bondInterest(amount, postedOn, refundedOn, rates);
    return { cents: r.cents, days: r.days };
  } catch (e) {
    return e instanceof Error ? e.message : "Interest cannot be computed for that date.";
  }
}

/** Shows the interest the rate table predicts before the treasurer confirms, and the difference from what they typed. */
export function RefundForm({
  action,
  amountCents,
  postedOn,
  rates,
  today,
}: {
  action: Action;
  amountCents: number;
  postedOn: string;
  rates: QuarterRate[];
  today: string;
}) {
  const [state, run, pending] = useActionState(action, EMPTY_FORM);
  const [refundedOn, setRefundedOn] = useState(state.values?.refundedOn ?? today);
  const [received, setReceived] = useState(state.values?.received ?? "");
  const exp = preview(amountCents, postedOn, refundedOn, rates);
  let got: number | null = null;
  try {
    got = received.trim() ? parseUsd(received) : null;
  } catch {
    got = null;
  }
  return (
    // Fields stay uncontrolled (so a failed submit keeps them); the form listens to their input to update the preview.
    <form
      action={run}
      className="space-y-3"
      data-testid="form-refund"
      noValidate
      onInput={(ev) => {
        const t = ev.target as HTMLInputElement;
        if (t.name === "refundedOn") setRefundedOn(t.value);
        if (t.name === "received") setReceived(t.value);
      }}
    >
      <Field
        spec={{ name: "refundedOn", label: "Refund date (interest certified)", type: "date" }}
        value={refundedOn}
        error={state.fieldErrors?.refundedOn}
      />
      <Field
        spec={{
          name: "received",
          label: "Amount received from ICE (principal + interest, dollars)",
          placeholder: "e.g. 5,123.45",
        }}
        value={received}
        error={state.fieldErrors?.receivedCents}
      />
      <div className="rounded border border-line bg-paper p-2 text-sm" data-testid="refund-preview" aria-live="polite">
        {typeof exp === "string" ? (
          <p className="text-accent">{exp}</p>
        ) : (
          <>
            <p>
              Expected from the rate table: {formatUsd(amountCents)} principal +{" "}
              <strong data-testid="expected-interest">{formatUsd(exp.cents)}</strong> interest ({exp.days} days) ={" "}
              <strong data-testid="expected-total">{formatUsd(amountCents + exp.cents)}</strong>.
            </p>
            {got !== null ? (
              <p>
                You entered {formatUsd(got)}: interest received {formatUsd(got - amountCents)}, difference from expected{" "}
                <strong className={got - amountCents - exp.cents === 0 ? "" : "text-accent"}>
                  {formatUsd(got - amountCents - exp.cents)}
                </strong>
                .{got < amountCents ? " Less than the principal: the shortfall is booked as a loss." : ""}
              </p>
            ) : null}
            <p className="text-muted">
              On confirming, the whole amount goes to the bank and the general pool; the bond receivable closes.
            </p>
          </>
        )}
      </div>
      <FormOutcome state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
      >
        {pending ? "Working…" : "Record refund"}
      </button>
    </form>
  );
}
