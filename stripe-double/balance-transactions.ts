import type Stripe from "stripe";
import type { DoubleCore } from "./core";
import { buildBalanceTransaction, type BalanceTransactionInput } from "./factories/balance-transaction";

/** A new balance transaction with the double's next `txn_` id (created now unless given), stored. */
export function recordBalanceTransaction(
  core: DoubleCore,
  input: Omit<BalanceTransactionInput, "id" | "created"> & { created?: number },
): Stripe.BalanceTransaction {
  const txn = buildBalanceTransaction({ ...input, id: core.id("txn_"), created: input.created ?? core.now() });
  core.store.put("balance_transaction", txn);
  return txn;
}
