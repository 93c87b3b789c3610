/**
 * What the thank-you page may say about a Checkout Session. Read-only: only
 * webhooks record money. The email is masked so a shared link leaks little.
 */
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";

type ThanksOutcome = "paid" | "processing" | "not_finished" | "unknown";

export interface ThanksView {
  outcome: ThanksOutcome;
  monthly: boolean;
  amountCents: number;
  maskedEmail: string | null;
  campaign: { slug: string; alias: string } | null;
  /** Recurring gift id, for the stop-my-gift link. */
  recurringGiftId: string | null;
}

/** "ana@example.org" → "a…@example.org". */
function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "…";
  return `${email.charAt(0)}…${email.slice(at)}`;
}

const SESSION_ID = /^cs_(test|live)_[A-Za-z0-9]{10,200}$/;

export async function describeCheckout(db: Db, stripe: Stripe, sessionId: string | undefined): Promise<ThanksView> {
  const unknown: ThanksView = {
    outcome: "unknown",
    monthly: false,
    amountCents: 0,
    maskedEmail: null,
    campaign: null,
    recurringGiftId: null,
  };
  if (!sessionId || !SESSION_ID.test(sessionId)) return unknown;
  let s: Stripe.Checkout.Session;
  try {
    s = await stripe.checkout.sessions.retrieve(sessionId);
  } catch {
    return unknown;
  }
  const campaignId = s.metadata?.campaign_id;
  const [campaign] =
    campaignId && /^[0-9a-f-]{36}$/.test(campaignId)
      ? await db
          .select({ slug: campaigns.slug, alias: campaigns.alias })
          .from(campaigns)
          .where(eq(campaigns.id, campaignId))
          .limit(1)
      : [];
  const email = s.customer_details?.email ?? s.customer_email ?? null;
  const outcome: ThanksOutcome =
    s.status === "complete" ? (s.payment_status === "unpaid" ? "processing" : "paid") : "not_finished";
  return {
    outcome,
    monthly: s.mode === "subscription",
    amountCents: s.amount_total ?? 0,
    maskedEmail: email ? maskEmail(email) : null,
    campaign: campaign ?? null,
    recurringGiftId: s.mode === "subscription" ? (s.metadata?.recurring_gift_id ?? null) : null,
  };
}
