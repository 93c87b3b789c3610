import Stripe from "stripe";

export interface SignedEvent {
  event: Stripe.Event;
  /** Exact bytes to POST; the signature covers them. */
  payload: string;
  /** Value for the `Stripe-Signature` header. */
  header: string;
}

export function signEvent(event: Stripe.Event, secret: string, timestamp?: number): SignedEvent {
  const payload = JSON.stringify(event, null, 2);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(timestamp !== undefined ? { timestamp } : {}),
  });
  return { event, payload, header };
}

export interface ChaosOptions {
  /** Each event is sent between 1 and `maxCopies` times (at-least-once delivery). Default 1. */
  maxCopies?: number;
  /** Deliver in random order. Default false. */
  shuffle?: boolean;
  /** Random source in [0, 1); pass a seeded one for reproducible runs. */
  random?: () => number;
}

export interface DeliverOptions extends ChaosOptions {
  /** Defaults to the double's `webhookUrl`. */
  url?: string;
  /** Wait before each POST: a fixed number of ms, or a [min, max] range. */
  delayMs?: number | [number, number];
  fetchFn?: typeof fetch;
  /** Put events whose every copy failed back in the queue, as Stripe retries them. Default true. */
  requeueFailed?: boolean;
}

export interface DeliveryResult {
  eventId: string;
  type: string;
  status: number | null;
  ok: boolean;
  error?: string;
}

/** Expand events into the copies to send, in sending order. */
export function planCopies(events: Stripe.Event[], o: ChaosOptions): Stripe.Event[] {
  const random = o.random ?? Math.random;
  const max = Math.max(1, Math.floor(o.maxCopies ?? 1));
  const copies = events.flatMap((e) => Array.from({ length: 1 + Math.floor(random() * max) }, () => e));
  if (o.shuffle) {
    for (let i = copies.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copies[i], copies[j]] = [copies[j] as Stripe.Event, copies[i] as Stripe.Event];
    }
  }
  return copies;
}

function delayFor(d: DeliverOptions["delayMs"], random: () => number): number {
  if (d === undefined) return 0;
  if (typeof d === "number") return d;
  return d[0] + Math.floor(random() * (d[1] - d[0] + 1));
}

/** POST each copy, freshly signed, one after another. */
export async function postEvents(
  copies: Stripe.Event[],
  secret: string,
  url: string,
  o: DeliverOptions,
): Promise<DeliveryResult[]> {
  const fetchFn = o.fetchFn ?? fetch;
  const random = o.random ?? Math.random;
  const results: DeliveryResult[] = [];
  for (const event of copies) {
    const wait = delayFor(o.delayMs, random);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const { payload, header } = signEvent(event, secret);
    try {
      const res = await fetchFn(url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": header,
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
        body: payload,
      });
      await res.text();
      results.push({ eventId: event.id, type: event.type, status: res.status, ok: res.ok });
    } catch (e) {
      results.push({
        eventId: event.id,
        type: event.type,
        status: null,
        ok: false,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return results;
}
