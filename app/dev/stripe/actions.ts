"use server";
import { notFound, redirect } from "next/navigation";
import { devToolsAllowed } from "@/lib/dev/dev-access";
import { devDouble, paymentIntentFor, processingDebitFor, subscriptionFor, summarize } from "@/lib/dev/dev-tools";
import { parseUsd } from "@/lib/money";
import type { StripeDouble } from "@/stripe-double";

const ACTIONS = [
  "refund",
  "dispute_won",
  "dispute_lost",
  "dispute_countered_lost",
  "fraud_warning",
  "renew",
  "renew_fail",
  "cancel_subscription",
  "payout",
  "bank_settle",
  "bank_fail",
] as const;
type ConsoleAction = (typeof ACTIONS)[number];

function run(double: StripeDouble, action: ConsoleAction, target: string, amount: string): string {
  if (action === "payout") return double.createPayout() ? "Payout created." : "Nothing available to pay out.";
  if (action === "bank_settle" || action === "bank_fail") {
    const debit = processingDebitFor(double, target);
    if (!debit) return "No bank debit is processing for this donation.";
    const result = double.resolveBankDebit(debit, action === "bank_settle" ? "succeed" : "fail");
    return result === "paid" ? `Bank debit ${debit} cleared.` : `Bank debit ${debit} failed (returned by the bank).`;
  }
  if (action === "renew" || action === "renew_fail" || action === "cancel_subscription") {
    const sub = subscriptionFor(double, target);
    if (!sub) return "No subscription for this monthly gift yet (was its checkout completed?).";
    if (action === "cancel_subscription") double.cancelSubscription(sub);
    else double.renewSubscription(sub, { fail: action === "renew_fail" });
    return `${action} on ${sub}.`;
  }
  const pi = paymentIntentFor(double, target);
  if (!pi) return "No successful payment for this donation in the test double (it may predate this server start).";
  if (action === "refund") double.refund(pi, amount.trim() ? parseUsd(amount) : undefined);
  else if (action === "fraud_warning") double.earlyFraudWarning(pi);
  // Won means countered (the $15 countered fee comes back); lost is accepted, or countered and lost.
  else double.dispute(pi, action === "dispute_won" ? "won" : "lost", { countered: action !== "dispute_lost" });
  return `${action} on ${pi}.`;
}

/** One console button: act on the double, then send the resulting signed events to the real webhook route. */
export async function consoleAction(form: FormData) {
  const double = await devDouble();
  // Refunds, disputes and payouts on anyone's gift: this machine or a signed-in admin only.
  if (!double || !(await devToolsAllowed())) notFound();
  const action = String(form.get("action")) as ConsoleAction;
  if (!ACTIONS.includes(action)) notFound();
  let note: string;
  try {
    note = run(double, action, String(form.get("target") ?? ""), String(form.get("amount") ?? ""));
    note += " " + summarize(await double.deliver({}));
  } catch (e) {
    note = e instanceof Error ? e.message : "The action failed.";
  }
  redirect(`/dev/stripe?note=${encodeURIComponent(note)}`);
}
