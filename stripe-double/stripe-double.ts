import type Stripe from "stripe";
import { completeCheckout, expireSession, type CheckoutOutcome } from "./checkout";
import { dispute, earlyFraudWarning, refund, type RefundOptions } from "./console-actions";
import { DoubleCore } from "./core";
import {
  planCopies,
  postEvents,
  signEvent,
  type ChaosOptions,
  type DeliverOptions,
  type DeliveryResult,
  type SignedEvent,
} from "./delivery";
import { handleHttp, type DoubleHttpResponse, type HeaderBag } from "./handle-http";
import { availableBalance, createPayout, failPayout } from "./payouts";
import { cancelSubscription, renewSubscription } from "./subscriptions";

/**
 * OpenBond's offline Stripe: a stateful, in-memory stand-in for the Stripe API
 * that the real SDK talks to (see DoubleHttpClient / handleHttp). The methods
 * below are what a tester does on Stripe's side: pay, decline, refund, dispute…
 * Each one queues the events real Stripe would send, in a realistic order.
 */
export class StripeDouble extends DoubleCore {
  handleHttp(method: string, pathAndQuery: string, headers: HeaderBag, body: string): DoubleHttpResponse {
    return handleHttp(this, method, pathAndQuery, headers, body);
  }

  /** The tester's choice on the local checkout page; returns where the donor is redirected (if anywhere). */
  completeCheckout(sessionId: string, outcome: CheckoutOutcome): string | null {
    return completeCheckout(this, sessionId, outcome);
  }

  expireCheckout(sessionId: string): Stripe.Checkout.Session {
    return expireSession(this, sessionId);
  }

  refund(chargeOrPaymentIntent: string, amount?: number, opts: Omit<RefundOptions, "amount"> = {}): Stripe.Refund {
    return refund(this, chargeOrPaymentIntent, amount === undefined ? opts : { ...opts, amount });
  }

  dispute(chargeOrPaymentIntent: string, result: "won" | "lost"): Stripe.Dispute {
    return dispute(this, chargeOrPaymentIntent, result);
  }

  earlyFraudWarning(chargeOrPaymentIntent: string): Stripe.Radar.EarlyFraudWarning {
    return earlyFraudWarning(this, chargeOrPaymentIntent);
  }

  renewSubscription(subscriptionId: string, opts: { fail?: boolean } = {}): Stripe.Invoice {
    return renewSubscription(this, subscriptionId, opts);
  }

  cancelSubscription(subscriptionId: string): Stripe.Subscription {
    return cancelSubscription(this, subscriptionId);
  }

  createPayout(): Stripe.Payout | null {
    return createPayout(this);
  }

  failPayout(payoutId: string): Stripe.Payout {
    return failPayout(this, payoutId);
  }

  /** Balance not yet swept into any payout, in cents. */
  availableBalance(): number {
    return availableBalance(this);
  }

  /** Events not yet handed out, oldest first. */
  pendingEvents(): Stripe.Event[] {
    return [...this.pending];
  }

  /**
   * Take the queued events as signed {payload, header} pairs to post straight
   * to a handler; `maxCopies`/`shuffle` simulate at-least-once, unordered delivery.
   */
  signedEvents(opts: ChaosOptions & { keep?: boolean } = {}): SignedEvent[] {
    const events = opts.keep ? [...this.pending] : this.pending.splice(0);
    return planCopies(events, opts).map((e) => signEvent(e, this.webhookSecret));
  }

  /** POST the queued events to the webhook URL (duplicated, shuffled, delayed as asked). */
  async deliver(opts: DeliverOptions = {}): Promise<DeliveryResult[]> {
    const url = opts.url ?? this.webhookUrl;
    if (!url) throw new Error("StripeDouble.deliver: no webhook URL (pass { url } or set webhookUrl)");
    const events = this.pending.splice(0);
    const results = await postEvents(planCopies(events, opts), this.webhookSecret, url, opts);
    if (opts.requeueFailed ?? true) {
      const delivered = new Set(results.filter((r) => r.ok).map((r) => r.eventId));
      this.pending.unshift(...events.filter((e) => !delivered.has(e.id)));
    }
    return results;
  }
}
