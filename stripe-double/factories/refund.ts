import type Stripe from "stripe";

export interface RefundInput {
  id: string;
  created: number;
  amount: number;
  charge: string;
  paymentIntent: string | null;
  balanceTransaction: string;
  metadata: Stripe.Metadata;
  reason: Stripe.Refund.Reason | null;
}

/** Card refunds succeed synchronously in test mode. */
export function buildRefund(i: RefundInput): Stripe.Refund {
  return {
    id: i.id,
    object: "refund",
    amount: i.amount,
    balance_transaction: i.balanceTransaction,
    charge: i.charge,
    created: i.created,
    currency: "usd",
    customer: null,
    customer_account: null,
    destination_details: {
      type: "card",
      card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" },
    },
    metadata: i.metadata,
    payment_intent: i.paymentIntent,
    payment_method: null,
    reason: i.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
}
