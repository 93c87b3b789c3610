import type Stripe from "stripe";
import type { Db } from "@/db/client";
import type { ReadAhead } from "./read-ahead";

/** What every handler gets: the open transaction and the SDK client to re-fetch Stripe's current state. */
export interface HandlerContext {
  tx: Db;
  stripe: Stripe;
  /** Stripe reads made before the lock, present only when still current (read-ahead.ts). */
  ahead?: ReadAhead;
  /** Payments whose sync counter this transaction has already bumped. */
  synced: Set<string>;
}

/** processed: the books or rows now reflect Stripe; ignored: nothing of ours (unknown type or object). */
export type EventOutcome = "processed" | "ignored";

export type EventHandler = (ctx: HandlerContext, event: Stripe.Event) => Promise<EventOutcome>;

/** Stripe links are ids or, when expanded, objects. */
export function idOf(link: string | { id: string } | null | undefined): string | null {
  if (!link) return null;
  return typeof link === "string" ? link : link.id;
}
