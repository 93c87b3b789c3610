import type Stripe from "stripe";

export interface BalanceTransactionInput {
  id: string;
  created: number;
  amount: number;
  fee: number;
  source: string;
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  description: string | null;
  feeDescription?: string;
  feeType?: "stripe_fee" | "application_fee" | "tax";
  /** Bank debits: funds stay `pending` until this time (default: available at once). */
  availableOn?: number;
}

/**
 * net = amount - fee, as on every Stripe balance transaction. The double makes
 * card funds available at once so payouts can be exercised without waiting two
 * days; bank debits pass `availableOn` and stay pending until then (bank.ts).
 */
export function buildBalanceTransaction(i: BalanceTransactionInput): Stripe.BalanceTransaction {
  const feeDetails: Stripe.BalanceTransaction.FeeDetail[] =
    i.fee === 0
      ? []
      : [
          {
            amount: i.fee,
            application: null,
            currency: "usd",
            description: i.feeDescription ?? "Stripe processing fees",
            type: i.feeType ?? "stripe_fee",
          },
        ];
  return {
    id: i.id,
    object: "balance_transaction",
    amount: i.amount,
    available_on: i.availableOn ?? i.created,
    balance_type: "payments",
    created: i.created,
    currency: "usd",
    description: i.description,
    exchange_rate: null,
    fee: i.fee,
    fee_details: feeDetails,
    net: i.amount - i.fee,
    reporting_category: i.reportingCategory,
    source: i.source,
    status: (i.availableOn ?? i.created) > i.created ? "pending" : "available",
    type: i.type,
  };
}
