import type Stripe from "stripe";

export function buildEarlyFraudWarning(i: {
  id: string;
  created: number;
  charge: string;
  paymentIntent: string | null;
}): Stripe.Radar.EarlyFraudWarning {
  const efw: Stripe.Radar.EarlyFraudWarning = {
    id: i.id,
    object: "radar.early_fraud_warning",
    actionable: true,
    charge: i.charge,
    created: i.created,
    fraud_type: "made_with_stolen_card",
    livemode: false,
  };
  if (i.paymentIntent) efw.payment_intent = i.paymentIntent;
  return efw;
}
