import type Stripe from "stripe";
import { promoteAvailable } from "./bank-funds";
import type { DoubleCore } from "./core";

/**
 * GET /v1/balance, answered from the double's own balance transactions, as Stripe does:
 * available = net of every available transaction (payout debits and failures included),
 * pending = net of those not yet available (a bank debit until its `available_on`).
 * One currency (USD); `source_types` splits card from bank-account funds.
 */
export function balanceOf(core: DoubleCore): Stripe.Balance {
  promoteAvailable(core);
  const sums = { available: { card: 0, bank_account: 0 }, pending: { card: 0, bank_account: 0 } };
  for (const t of core.store.all("balance_transaction")) {
    const bucket = t.status === "available" ? sums.available : sums.pending;
    bucket[sourceType(core, t)] += t.net;
  }
  const amount = (b: { card: number; bank_account: number }) => [
    {
      amount: b.card + b.bank_account,
      currency: "usd",
      source_types: b.bank_account ? { card: b.card, bank_account: b.bank_account } : { card: b.card },
    },
  ];
  return {
    object: "balance",
    available: amount(sums.available),
    pending: amount(sums.pending),
    livemode: false,
  } as Stripe.Balance;
}

function sourceType(core: DoubleCore, t: Stripe.BalanceTransaction): "card" | "bank_account" {
  const charge =
    typeof t.source === "string" && t.source.startsWith("ch_") ? core.store.get("charge", t.source) : undefined;
  return charge?.payment_method_details?.type === "us_bank_account" ? "bank_account" : "card";
}
