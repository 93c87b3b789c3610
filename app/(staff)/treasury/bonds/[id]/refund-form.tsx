"use client";
import { useState } from "react";
import { ActionForm } from "@/app/components/staff/action-form";
import { TextField } from "@/app/components/staff/fields";
import { bondInterest, type QuarterRate } from "@/lib/bonds/interest";
import type { FormState } from "@/lib/forms/form-state";
import { formatUsd, parseUsd } from "@/lib/money";

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
  const [refundedOn, setRefundedOn] = useState(today);
  const [received, setReceived] = useState("");
  const exp = preview(amountCents, postedOn, refundedOn, rates);
  let got: number | null = null;
  try {
    got = received.trim() ? parseUsd(received) : null;
  } catch {
    got = null;
  }
  return (
    // Fields stay uncontrolled (so a failed submit keeps them); the form listens to their input to update the preview.
    <ActionForm
      action={action}
      testId="form-refund"
      submitLabel="Record refund"
      onInput={(ev) => {
        const t = ev.target as HTMLInputElement;
        if (t.name === "refundedOn") setRefundedOn(t.value);
        if (t.name === "received") setReceived(t.value);
      }}
    >
      <TextField name="refundedOn" label="Refund date (interest certified)" type="date" defaultValue={today} />
      <TextField
        name="received"
        label="Amount received from ICE (principal + interest, dollars)"
        placeholder="e.g. 5,123.45"
        errorKey="receivedCents"
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
    </ActionForm>
  );
}
