/**
 * The books' `stripe` account against Stripe's own balance (GET /v1/balance: available +
 * pending). They differ only by items in flight, each named here with its effect in cents:
 *  - a payout Stripe has taken from the balance that the books have not booked yet (booked when
 *    Stripe reports it paid): the books are higher by its amount;
 *  - a Stripe transaction in an imported payout that the books lack or book differently
 *    (a webhook still on its way): the books differ by what they lack.
 *  - demo data (lib/seed, keys `seed:…`) booked straight to the ledger: Stripe never had it.
 * What is left over is unexplained and needs a person.
 */
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { getBalance } from "@/lib/ledger";
import { payoutsNotBooked, seededStripeCents } from "@/lib/ledger/queries";
import type { StripeReconciliation } from "./stripe-match";

interface InFlight {
  kind: "payout_not_booked" | "missing_in_books" | "amount_differs" | "demo_data";
  sourceId: string;
  /** Books minus Stripe for this item: its share of the difference. */
  cents: number;
}

export interface StripeBalanceCheck {
  booksCents: number;
  stripeCents: number;
  availableCents: number;
  pendingCents: number;
  differenceCents: number;
  explained: InFlight[];
  unexplainedCents: number;
}

const usd = (list: Stripe.Balance.Available[] | Stripe.Balance.Pending[]) =>
  list.filter((b) => b.currency === "usd").reduce((s, b) => s + b.amount, 0);

export async function compareStripeBalance(
  db: Db,
  stripe: Stripe,
  rec: StripeReconciliation,
): Promise<StripeBalanceCheck> {
  const [balance, booksCents] = await Promise.all([stripe.balance.retrieve(), getBalance(db, "stripe")]);
  const availableCents = usd(balance.available);
  const pendingCents = usd(balance.pending);
  const stripeCents = availableCents + pendingCents;
  const [unbooked, demoCents] = await Promise.all([payoutsNotBooked(db), seededStripeCents(db)]);
  const explained: InFlight[] = [
    ...(demoCents ? [{ kind: "demo_data" as const, sourceId: "seed", cents: demoCents }] : []),
    ...unbooked.map((p) => ({ kind: "payout_not_booked" as const, sourceId: p.id, cents: p.cents })),
    ...rec.exceptions
      // A payout's own debit in transit is the payout above, not a second item.
      .filter((x) => !unbooked.some((p) => p.id === x.sourceId))
      .map((x) => ({ kind: x.kind, sourceId: x.sourceId, cents: x.ledgerCents - x.stripeNetCents })),
  ];
  const differenceCents = booksCents - stripeCents;
  return {
    booksCents,
    stripeCents,
    availableCents,
    pendingCents,
    differenceCents,
    explained,
    unexplainedCents: differenceCents - explained.reduce((s, x) => s + x.cents, 0),
  };
}
