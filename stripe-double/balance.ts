import type Stripe from "stripe";
import type { DoubleCore } from "./core";

/**
 * GET /v1/balance, answered from the double's own balance transactions, as Stripe does:
 * available = net of every available transaction (payout debits and failures included),
 * pending = net of those not yet available. One currency (USD), card funds only.
 */
export function balanceOf(core: DoubleCore): Stripe.Balance {
  let available = 0;
  let pending = 0;
  for (const t of core.store.all("balance_transaction")) {
    if (t.status === "available") available += t.net;
    else pending += t.net;
  }
  const amount = (cents: number) => [{ amount: cents, currency: "usd", source_types: { card: cents } }];
  return {
    object: "balance",
    available: amount(available),
    pending: amount(pending),
    livemode: false,
  } as Stripe.Balance;
}
