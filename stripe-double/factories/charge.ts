import type Stripe from "stripe";

export interface ChargeInput {
  id: string;
  created: number;
  amount: number;
  paymentIntent: string;
  paymentMethod: string;
  metadata: Stripe.Metadata;
  customer: string | null;
  email: string | null;
  status: "succeeded" | "pending" | "failed";
  paymentMethodType: "card" | "us_bank_account";
  /** Bank debits: the last four digits of the test account (Stripe's 000123456789 succeeds, 000111111116 fails later). */
  bankLast4?: string;
  /** Set for declines: Stripe's test card `4000 0000 0000 0002` gives `card_declined`/`generic_decline`. */
  failure?: { code: string; message: string; declineCode: string };
}

export function buildCharge(i: ChargeInput): Stripe.Charge {
  const ok = i.status !== "failed";
  return {
    id: i.id,
    object: "charge",
    amount: i.amount,
    amount_captured: i.status === "succeeded" ? i.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    // Stripe attaches the balance transaction asynchronously; `charge.updated` announces it.
    balance_transaction: null,
    billing_details: { address: null, email: i.email, name: "Test Donor", phone: null, tax_id: null },
    calculated_statement_descriptor: "OPENBOND* BOND FUND",
    captured: i.status === "succeeded",
    created: i.created,
    currency: "usd",
    customer: i.customer,
    description: null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: i.failure?.code ?? null,
    failure_message: i.failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: i.metadata,
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: ok ? "approved_by_network" : "declined_by_network",
      reason: i.failure?.declineCode ?? null,
      risk_level: "normal",
      seller_message: ok ? "Payment complete." : "The bank did not return any further details with this decline.",
      type: ok ? "authorized" : "issuer_declined",
    },
    paid: i.status === "succeeded",
    payment_intent: i.paymentIntent,
    payment_method: i.paymentMethod,
    payment_method_details: paymentMethodDetails(i.paymentMethodType, i.bankLast4 ?? "6789"),
    receipt_email: i.email,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/double/${i.id}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: i.status,
    transfer_data: null,
    transfer_group: null,
  };
}

function paymentMethodDetails(type: "card" | "us_bank_account", last4: string): Stripe.Charge.PaymentMethodDetails {
  if (type === "us_bank_account") {
    return {
      type,
      us_bank_account: {
        account_holder_type: "individual",
        account_type: "checking",
        bank_name: "STRIPE TEST BANK",
        fingerprint: "dblFingerprint01",
        last4,
        payment_reference: null,
        routing_number: "110000000",
      },
    };
  }
  return {
    type,
    card: {
      amount_authorized: null,
      authorization_code: null,
      brand: "visa",
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: "US",
      electronic_commerce_indicator: null,
      exp_month: 12,
      exp_year: 2034,
      funding: "credit",
      installments: null,
      last4: "4242",
      mandate: null,
      network: "visa",
      network_transaction_id: null,
      regulated_status: "unregulated",
      three_d_secure: null,
      transaction_link_id: null,
      wallet: null,
    },
  };
}
