/**
 * The one door money events come through. Verify the signature on the raw
 * bytes, then hand the event to lib. Any non-2xx makes Stripe retry.
 */
import Stripe from "stripe";
import { z } from "zod";
import { getDb } from "@/db";
import { isDbUnavailable } from "@/db/faults";
import { isAppError } from "@/lib/errors";
import { errorHeaders, httpStatusFor, UNAVAILABLE_MESSAGE } from "@/lib/error-responses";
import { pgErrorOf } from "@/lib/ledger/db-errors";
import { log } from "@/lib/log";
import { getStripe, webhookSecret } from "@/lib/payments/stripe-client";
import { processStripeEvent } from "@/lib/payments/webhooks/process-event";
import { revalidateCampaignPages } from "../../../revalidate-public";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const TOLERANCE_SECONDS = 300;

/** The envelope every handler relies on; a signed payload without it is refused before any write. */
const Envelope = z
  .object({
    id: z.string().regex(/^evt_[A-Za-z0-9_]{1,250}$/, "event id must look like evt_…"),
    type: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, "event type must look like object.action"),
    created: z.number().int().positive().max(32_503_680_000),
    data: z.object({ object: z.object({ id: z.string().min(1).max(255).optional() }).passthrough() }).passthrough(),
  })
  .passthrough();

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
  const envelope = Envelope.safeParse(event);
  if (!envelope.success) {
    const problem = envelope.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.message}`).join("; ");
    return Response.json({ error: `Malformed event (${problem.slice(0, 300)}).` }, { status: 400 });
  }
  // Stripe renders an event with its endpoint's API version; our handlers read payloads as the SDK's
  // pinned version types them. Another version could be misread, so it is refused (nothing written,
  // Stripe retries) until the endpoint is set to the SDK's version (README, "Using real Stripe").
  if (event.api_version !== Stripe.API_VERSION) {
    const versions = { eventApiVersion: event.api_version, appApiVersion: Stripe.API_VERSION };
    log.error({ eventId: event.id, type: event.type, ...versions }, "Stripe event for another API version refused");
    return Response.json(
      { error: `Event rendered for API version ${event.api_version}; this app reads ${Stripe.API_VERSION}.` },
      { status: 400 },
    );
  }
  try {
    const outcome = await processStripeEvent(await getDb(), event);
    // Only an applied event can change what a campaign page shows; a duplicate (a third of
    // Stripe's deliveries under load) or an ignored type must not throw the page cache away.
    if (outcome === "processed") revalidateCampaignPages();
    return Response.json({ received: true });
  } catch (e) {
    // Ids and codes only: error messages from the database may quote row values.
    const where = { eventId: event.id, type: event.type };
    if (isAppError(e)) {
      log.warn({ ...where, code: e.code }, "Stripe event refused; Stripe will retry");
      return Response.json({ error: e.message }, { status: httpStatusFor(e) });
    }
    const errorName = e instanceof Error ? e.name : typeof e;
    if (isDbUnavailable(e)) {
      // The transaction did not complete (or its outcome is unknown): 503 so Stripe retries;
      // the event id makes a retry of an event that did commit a harmless duplicate.
      log.warn(
        { ...where, errorName, pgCode: pgErrorOf(e)?.code },
        "database unavailable during a Stripe event; Stripe will retry",
      );
      return Response.json({ error: UNAVAILABLE_MESSAGE }, { status: 503, headers: errorHeaders(e) });
    }
    log.error({ ...where, errorName, pgCode: pgErrorOf(e)?.code }, "Stripe event failed; Stripe will retry");
    return Response.json({ error: "Could not process the event; it will be retried." }, { status: 500 });
  }
}
