/**
 * The one door money events come through. Verify the signature on the raw
 * bytes, then hand the event to lib. Any non-2xx makes Stripe retry.
 */
import type Stripe from "stripe";
import { getDb } from "@/db";
import { isAppError, httpStatusFor } from "@/lib/errors";
import { pgErrorOf } from "@/lib/ledger/db-errors";
import { log } from "@/lib/log";
import { getStripe, webhookSecret } from "@/lib/payments/stripe-client";
import { processStripeEvent } from "@/lib/payments/webhooks/process-event";
import { revalidateCampaignPages } from "../../../revalidate-public";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const TOLERANCE_SECONDS = 300;

export async function POST(req: Request): Promise<Response> {
  const raw = await req.text();
  const signature = req.headers.get("stripe-signature");
  if (!signature) return Response.json({ error: "Missing Stripe-Signature header." }, { status: 400 });
  let event: Stripe.Event;
  try {
    event = getStripe().webhooks.constructEvent(raw, signature, webhookSecret(), TOLERANCE_SECONDS);
  } catch {
    return Response.json({ error: "Invalid or expired signature." }, { status: 400 });
  }
  try {
    await processStripeEvent(await getDb(), event);
    revalidateCampaignPages();
    return Response.json({ received: true });
  } catch (e) {
    // Ids and codes only: error messages from the database may quote row values.
    const where = { eventId: event.id, type: event.type };
    if (isAppError(e)) {
      log.warn({ ...where, code: e.code }, "Stripe event refused; Stripe will retry");
      return Response.json({ error: e.message }, { status: httpStatusFor(e) });
    }
    log.error({ ...where, errorName: e instanceof Error ? e.name : typeof e, pgCode: pgErrorOf(e)?.code }, "Stripe event failed; Stripe will retry");
    return Response.json({ error: "Could not process the event; it will be retried." }, { status: 500 });
  }
}
