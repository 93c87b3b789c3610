import type Stripe from "stripe";

export interface PortalSessionInput {
  id: string;
  created: number;
  customer: string;
  returnUrl: string | null;
  url: string;
  /** `flow_data[type]=payment_method_update`: the portal opens straight on "change card". */
  paymentMethodUpdate: boolean;
}

/** A customer portal session: in the double, its url is the local portal page under /dev/stripe/portal. */
export function buildPortalSession(i: PortalSessionInput): Stripe.BillingPortal.Session {
  return {
    id: i.id,
    object: "billing_portal.session",
    configuration: "bpc_double_default",
    created: i.created,
    customer: i.customer,
    customer_account: null,
    flow: i.paymentMethodUpdate
      ? {
          type: "payment_method_update",
          after_completion: {
            type: i.returnUrl ? "redirect" : "portal_homepage",
            redirect: i.returnUrl ? { return_url: i.returnUrl } : null,
            hosted_confirmation: null,
          },
          customer_update: null,
          subscription_cancel: null,
          subscription_pause: null,
          subscription_update: null,
          subscription_update_confirm: null,
        }
      : null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: i.returnUrl,
    url: i.url,
  };
}
