/**
 * What the thank-you page may say about a Checkout Session. Read-only: only
 * webhooks record money. The email is masked so a shared link leaks little.
 */
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { campaigns, donations, recurringGifts } from "@/db/schema";
import { expectedSettlement } from "./bank-settlement";

type ThanksOutcome = "paid" | "processing" | "not_finished" | "unknown";

export interface ThanksView {
  outcome: ThanksOutcome;
  monthly: boolean;
  /** The gift itself: what the campaign was given, without the part added toward card fees. */
  giftCents: number;
  /** What the donor added toward the payment's fees (0 when they did not). */
  coverFeeCents: number;
  /** Paid by bank debit (ACH): the fee cover went toward bank fees, not card fees. */
  bank: boolean;
  maskedEmail: string | null;
  campaign: { slug: string; alias: string } | null;
  /** Recurring gift id, for the stop-my-gift link. */
  recurringGiftId: string | null;
  /** A bank debit still processing: when it is expected to clear (an estimate; the books wait for Stripe). */
  expectedSettlement: Date | null;
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
    giftCents: 0,
    coverFeeCents: 0,
    bank: false,
    maskedEmail: null,
    campaign: null,
    recurringGiftId: null,
    expectedSettlement: null,
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
  const total = s.amount_total ?? 0;
  const coverFeeCents = Math.min(total, await coverFeeOf(db, s));
  const outcome: ThanksOutcome =
    s.status === "complete" ? (s.payment_status === "unpaid" ? "processing" : "paid") : "not_finished";
  return {
    outcome,
    monthly: s.mode === "subscription",
    giftCents: total - coverFeeCents,
    coverFeeCents,
    // Checkout offers one method per gift (the donor chose card or bank on our form).
    bank: s.payment_method_types?.length === 1 && s.payment_method_types[0] === "us_bank_account",
    maskedEmail: email ? maskEmail(email) : null,
    campaign: campaign ?? null,
    recurringGiftId: s.mode === "subscription" ? (s.metadata?.recurring_gift_id ?? null) : null,
    expectedSettlement: outcome === "processing" ? expectedSettlement(new Date(s.created * 1000)) : null,
  };
}

/** The fee cover our own row recorded for this session (the session itself only knows the total). */
async function coverFeeOf(db: Db, s: Stripe.Checkout.Session): Promise<number> {
  const id = s.client_reference_id;
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return 0;
  const table = s.mode === "subscription" ? recurringGifts : donations;
  const [row] = await db
    .select({ cover: table.coverFeeCents, session: table.checkoutSessionId })
    .from(table)
    .where(eq(table.id, id))
    .limit(1);
  return row && row.session === s.id ? row.cover : 0;
}
