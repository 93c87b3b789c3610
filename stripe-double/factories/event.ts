import Stripe from "stripe";
import { toWire } from "../store";

export type EventType = Stripe.Event["type"];
export type EventOf<T extends EventType> = Extract<Stripe.Event, { type: T }>;
export type EventObject<T extends EventType> = EventOf<T>["data"]["object"];

export interface EventInput<T extends EventType> {
  id: string;
  created: number;
  type: T;
  /** Snapshot of the object at event time; later changes must not leak into it. */
  object: EventObject<T>;
  previousAttributes?: Stripe.Event.Data.PreviousAttributes;
  request?: { id: string | null; idempotencyKey: string | null };
  /** The webhook endpoint's API version, which Stripe renders the event with; default the SDK's pinned one. */
  apiVersion?: string;
}

/**
 * Typed by event type, so passing a Charge to `checkout.session.completed`
 * fails to compile. The cast is needed only because TypeScript cannot narrow a
 * union member from a generic `type` field.
 */
export function buildEvent<T extends EventType>(i: EventInput<T>): EventOf<T> {
  const data: Stripe.Event.Data = { object: toWire(i.object) as Stripe.Event.Data.Object };
  if (i.previousAttributes) data.previous_attributes = i.previousAttributes;
  const event: Stripe.EventBase = {
    id: i.id,
    object: "event",
    api_version: i.apiVersion ?? Stripe.API_VERSION,
    created: i.created,
    data,
    livemode: false,
    pending_webhooks: 1,
    request: i.request
      ? { id: i.request.id, idempotency_key: i.request.idempotencyKey }
      : { id: null, idempotency_key: null },
    type: i.type,
  };
  return event as EventOf<T>;
}
