import type Stripe from "stripe";
import { processingBankDebits, resolveBankDebit } from "./bank";
import { completeCheckout, expireSession, type CheckoutOutcome } from "./checkout";
import { earlyFraudWarning, refund, type RefundOptions } from "./console-actions";
import { DoubleCore, type AutoDeliverOptions, type StripeDoubleOptions } from "./core";
import {
  planCopies,
  postEvents,
  signEvent,
  type ChaosOptions,
  type DeliverOptions,
  type DeliveryResult,
  type SignedEvent,
} from "./delivery";
import {
  counterDispute,
  decideDispute,
  dispute,
  openDispute,
  type DisputeOptions,
  type DisputeResult,
} from "./disputes";
import { handleHttp, type DoubleHttpResponse, type HeaderBag } from "./handle-http";
import { availableBalance, completeReconciliation, createPayout, failPayout } from "./payouts";
import { cancelSubscription, renewSubscription, updateSubscription, type SubscriptionChange } from "./subscriptions";

/**
 * OpenBond's offline Stripe: a stateful, in-memory stand-in for the Stripe API
 * that the real SDK talks to (see DoubleHttpClient / handleHttp). The methods
 * below are what a tester does on Stripe's side: pay, decline, refund, dispute…
 * Each one queues the events real Stripe would send, in a realistic order.
 */
export class StripeDouble extends DoubleCore {
  private readonly auto: (Required<Omit<AutoDeliverOptions, "fetchFn">> & { fetchFn?: typeof fetch }) | null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;
  private attempts = 0;

  constructor(opts: StripeDoubleOptions = {}) {
    super(opts);
    const a = opts.autoDeliver;
    this.auto = a ? { delayMs: 50, retries: 6, ...(a === true ? {} : a) } : null;
  }

  protected override afterEmit(): void {
    if (this.auto && this.webhookUrl) this.schedule(this.auto.delayMs);
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing ??= this.flush().finally(() => {
        this.flushing = null;
        if (this.pending.length && this.auto && this.attempts <= this.auto.retries)
          this.schedule(this.attempts ? 250 * 2 ** (this.attempts - 1) : this.auto.delayMs);
      });
    }, ms);
    this.timer.unref?.();
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const results = await this.deliver(this.auto?.fetchFn ? { fetchFn: this.auto.fetchFn } : {});
    this.attempts = results.every((r) => r.ok) ? 0 : this.attempts + 1;
  }

  /** Resolves once automatic delivery has nothing left to send (or has given up retrying). */
  async idle(): Promise<void> {
    while (this.timer || this.flushing) {
      await (this.flushing ?? new Promise((r) => setTimeout(r, 10)));
      if (!this.timer && !this.flushing) break;
    }
  }
  handleHttp(method: string, pathAndQuery: string, headers: HeaderBag, body: string): DoubleHttpResponse {
    return handleHttp(this, method, pathAndQuery, headers, body);
  }

  /** The tester's choice on the local checkout page; returns where the donor is redirected (if anywhere). */
  completeCheckout(sessionId: string, outcome: CheckoutOutcome): string | null {
    return completeCheckout(this, sessionId, outcome);
  }

  /** The bank answers a submitted debit: it clears or bounces (by default, as its test account does). */
  resolveBankDebit(paymentIntentId: string, outcome?: "succeed" | "fail" | "by_account"): "paid" | "failed" {
    return resolveBankDebit(this, paymentIntentId, outcome);
  }

  /** Bank debits submitted and still processing. */
  processingBankDebits(): Stripe.PaymentIntent[] {
    return processingBankDebits(this);
  }

  expireCheckout(sessionId: string): Stripe.Checkout.Session {
    return expireSession(this, sessionId);
  }

  refund(chargeOrPaymentIntent: string, amount?: number, opts: Omit<RefundOptions, "amount"> = {}): Stripe.Refund {
    return refund(this, chargeOrPaymentIntent, amount === undefined ? opts : { ...opts, amount });
  }

  /** A whole chargeback: opened, countered (default only when won) or accepted, decided. */
  dispute(chargeOrPaymentIntent: string, result: DisputeResult, opts: DisputeOptions = {}): Stripe.Dispute {
    return dispute(this, chargeOrPaymentIntent, result, opts);
  }

  /** The issuer opens a chargeback; the fund then counters (API or `counterDispute`) or accepts it. */
  openDispute(chargeOrPaymentIntent: string): Stripe.Dispute {
    return openDispute(this, chargeOrPaymentIntent);
  }

  counterDispute(disputeId: string): Stripe.Dispute {
    return counterDispute(this, disputeId);
  }

  /** The issuer decides a dispute under review. */
  decideDispute(disputeId: string, result: DisputeResult): Stripe.Dispute {
    return decideDispute(this, disputeId, result);
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

  /** What the customer portal does (the API route POST /v1/subscriptions/:id uses the same change). */
  updateSubscription(subscriptionId: string, change: SubscriptionChange): Stripe.Subscription {
    return updateSubscription(this, subscriptionId, change);
  }

  /** An automatic payout of the available balance; `reconcile: false` leaves its reconciliation in progress. */
  createPayout(opts: { reconcile?: boolean } = {}): Stripe.Payout | null {
    return createPayout(this, opts);
  }

  completePayoutReconciliation(payoutId: string): Stripe.Payout {
    return completeReconciliation(this, payoutId);
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
