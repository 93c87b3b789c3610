import type Stripe from "stripe";

export interface PayoutInput {
  id: string;
  created: number;
  amount: number;
  balanceTransaction: string;
}

/** An automatic payout to the fund's bank account, as the treasurer matches it to a deposit. */
export function buildPayout(i: PayoutInput): Stripe.Payout {
  return {
    id: i.id,
    object: "payout",
    amount: i.amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: i.created + 2 * 86400,
    automatic: true,
    balance_transaction: i.balanceTransaction,
    created: i.created,
    currency: "usd",
    description: "STRIPE PAYOUT",
    destination: "ba_double_bank_account",
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: {},
    method: "standard",
    original_payout: null,
    payout_method: null,
    reconciliation_status: "in_progress",
    reversed_by: null,
    source_type: "card",
    statement_descriptor: "OPENBOND",
    status: "in_transit",
    trace_id: { status: "pending", value: null },
    type: "bank_account",
  };
}
