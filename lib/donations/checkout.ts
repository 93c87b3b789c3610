/**
 * Starting a gift: validate, check the campaign, rate-limit, write the pending
 * row, then ask Stripe for a hosted Checkout Session. Money is never recorded
 * here; the webhook does that when Stripe says the payment happened.
 */
import { createHash, createHmac, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { campaigns, donations, recurringGifts } from "@/db/schema";
import { secrets } from "@/lib/dev-secrets";
import { feeRatesFrom } from "@/lib/donations/fee-rates";
import { coverFeeFor } from "@/lib/donations/fees";
import { appOrigin } from "@/lib/app-origin";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { CHECKOUT_MESSAGES, parseCheckoutInput, type CheckoutInput } from "./checkout-input";
import { buildSessionParams } from "./session-params";
import { limitCheckout } from "./rate-limit";

/** Only a live campaign takes gifts: once funded, more money would only be overflow for the general pool. */
export const ACCEPTING_STATUSES = ["live"] as const;

export interface CheckoutResult {
  kind: "one_off" | "monthly";
  /** Donation id (one-off) or recurring gift id (monthly). */
  id: string;
  sessionId: string;
  url: string;
  /** Monthly only: the secret for the stop-my-gift link (only its sha256 is stored; see cancelTokenFor). */
  cancelToken?: string;
  input: CheckoutInput;
}

/**
 * The secret in a monthly gift's stop link. Derived from the server secret and
 * the gift id, so the receipt mail can carry it later without the database ever
 * storing it (only its hash is kept). Rotating AUTH_SECRET retires old links.
 */
export function cancelTokenFor(recurringGiftId: string): string {
  return createHmac("sha256", secrets().authSecret).update(`stop-monthly:${recurringGiftId}`).digest("base64url");
}

export function hashCancelToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createCheckout(
  db: Db,
  stripe: Stripe,
  rawInput: unknown,
  ctx: { ip: string; now?: Date; origin?: string },
): Promise<CheckoutResult> {
  const e = env();
  const rates = feeRatesFrom(e);
  const input = parseCheckoutInput(rawInput, e.DONATION_MAX_CENTS, rates.achMinCents);
  const [campaign] = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      alias: campaigns.alias,
      region: campaigns.region,
      status: campaigns.status,
    })
    .from(campaigns)
    .where(eq(campaigns.slug, input.campaignSlug))
    .limit(1);
  if (!campaign || !(ACCEPTING_STATUSES as readonly string[]).includes(campaign.status)) {
    throw new AppError("validation", CHECKOUT_MESSAGES.campaignMissing(), {
      field: "campaignSlug",
      key: campaign ? "campaignClosed" : "campaignMissing",
    });
  }
  await limitCheckout(
    db,
    { ip: ctx.ip, email: input.email },
    { perIp: e.CHECKOUT_LIMIT_PER_IP, perEmail: e.CHECKOUT_LIMIT_PER_EMAIL },
    ctx.now,
  );

  const coverFeeCents = input.coverFee ? coverFeeFor(input.giftCents, rates[input.paymentMethod]) : 0;
  const chargeCents = input.giftCents + coverFeeCents;
  const common = {
    campaignId: campaign.id,
    amountCents: chargeCents,
    coverFeeCents,
    displayName: input.displayName,
    email: input.email,
    redirectConsent: input.redirectConsent,
    locale: input.locale,
  };

  let id: string;
  let cancelToken: string | undefined;
  if (input.frequency === "monthly") {
    id = randomUUID();
    cancelToken = cancelTokenFor(id);
    await db.insert(recurringGifts).values({ ...common, id, cancelTokenHash: hashCancelToken(cancelToken) });
  } else {
    const [row] = await db
      .insert(donations)
      .values({ ...common, frequency: "one_off", paymentMethod: input.paymentMethod })
      .returning({ id: donations.id });
    id = row!.id;
  }

  const params = buildSessionParams({
    id,
    input,
    campaign,
    chargeCents,
    appUrl: ctx.origin ?? appOrigin(e),
    now: ctx.now ?? new Date(),
  });
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(params, { idempotencyKey: `checkout:${id}` });
  } catch (err) {
    await abandon(db, input.frequency, id);
    // Name and code only: a Stripe message can echo the donor's email back.
    log.error(
      { err: err instanceof Error ? err.name : "unknown", code: (err as { code?: string }).code, id },
      "checkout session creation failed",
    );
    throw new AppError(
      "unavailable",
      "We could not reach our payment processor. Nothing was charged; please try again in a minute.",
      { key: "unavailable" },
    );
  }
  if (!session.url)
    throw new AppError("unavailable", "The payment page is not available. Nothing was charged; please try again.", {
      key: "unavailable",
    });

  if (input.frequency === "monthly") {
    await db.update(recurringGifts).set({ checkoutSessionId: session.id }).where(eq(recurringGifts.id, id));
  } else {
    await db.update(donations).set({ checkoutSessionId: session.id }).where(eq(donations.id, id));
  }
  return { kind: input.frequency, id, sessionId: session.id, url: session.url, cancelToken, input };
}

/** A row whose session never existed can never be paid: move it to its terminal state. */
async function abandon(db: Db, frequency: CheckoutInput["frequency"], id: string): Promise<void> {
  if (frequency === "monthly") {
    await db
      .update(recurringGifts)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(eq(recurringGifts.id, id));
  } else {
    await db.update(donations).set({ status: "failed" }).where(eq(donations.id, id));
  }
}
