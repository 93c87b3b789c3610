import type Stripe from "stripe";

export interface DisputeInput {
  id: string;
  created: number;
  amount: number;
  charge: string;
  paymentIntent: string | null;
  balanceTransactions: Stripe.BalanceTransaction[];
}

export function buildDispute(i: DisputeInput): Stripe.Dispute {
  return {
    id: i.id,
    object: "dispute",
    amount: i.amount,
    balance_transactions: i.balanceTransactions,
    charge: i.charge,
    created: i.created,
    currency: "usd",
    enhanced_eligibility_types: [],
    evidence: {
      access_activity_log: null,
      billing_address: null,
      cancellation_policy: null,
      cancellation_policy_disclosure: null,
      cancellation_rebuttal: null,
      customer_communication: null,
      customer_email_address: null,
      customer_name: null,
      customer_purchase_ip: null,
      customer_signature: null,
      duplicate_charge_documentation: null,
      duplicate_charge_explanation: null,
      duplicate_charge_id: null,
      enhanced_evidence: {},
      product_description: null,
      receipt: null,
      refund_policy: null,
      refund_policy_disclosure: null,
      refund_refusal_explanation: null,
      service_date: null,
      service_documentation: null,
      shipping_address: null,
      shipping_carrier: null,
      shipping_date: null,
      shipping_documentation: null,
      shipping_tracking_number: null,
      uncategorized_file: null,
      uncategorized_text: null,
    },
    evidence_details: {
      due_by: i.created + 7 * 86400,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: "manual",
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: i.paymentIntent,
    reason: "fraudulent",
    status: "needs_response",
  };
}
