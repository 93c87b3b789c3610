import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { campaigns } from "@/db/schema";
import { devDouble, summarize } from "@/lib/dev/dev-tools";
import { formatUsd } from "@/lib/money";
import type { CheckoutOutcome } from "@/stripe-double";
import { eq } from "drizzle-orm";

export const dynamic = "force-dynamic";
export const metadata = { title: "Test checkout", robots: { index: false } };

type Method = "card" | "us_bank_account" | null;
const OUTCOMES: { value: CheckoutOutcome; label: string; method: Method; primary?: boolean }[] = [
  { value: "success", label: "Pay (card succeeds)", method: "card", primary: true },
  { value: "decline", label: "Card declined", method: "card" },
  // Stripe's test bank accounts (routing 110000000); the debit stays processing until the Stripe console settles it.
  {
    value: "bank_succeeds",
    label: "Pay by bank · account 000123456789 (clears)",
    method: "us_bank_account",
    primary: true,
  },
  { value: "bank_fails", label: "Pay by bank · account 000111111116 (fails later)", method: "us_bank_account" },
  { value: "cancel", label: "Go back (cancel)", method: null },
  { value: "expire", label: "Let the session expire", method: null },
];

async function choose(id: string, form: FormData) {
  "use server";
  const double = await devDouble();
  if (!double) notFound();
  const outcome = String(form.get("outcome")) as CheckoutOutcome;
  if (!OUTCOMES.some((o) => o.value === outcome)) notFound();
  let url: string | null;
  try {
    url = double.completeCheckout(id, outcome);
  } catch (e) {
    redirect(`/dev/stripe/checkout/${id}?note=${encodeURIComponent(e instanceof Error ? e.message : "failed")}`);
  }
  const note = summarize(await double.deliver({}));
  // Real Stripe fills in the session id; the double hands back the template as given.
  if (url) redirect(url.replace("{CHECKOUT_SESSION_ID}", id));
  const msg =
    outcome === "decline"
      ? "Your card was declined. Try another outcome."
      : outcome === "expire"
        ? "The session expired."
        : note;
  redirect(`/dev/stripe/checkout/${id}?note=${encodeURIComponent(`${msg} ${note}`)}`);
}

export default async function TestCheckout({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ note?: string }>;
}) {
  const double = await devDouble();
  if (!double) notFound();
  const { id } = await params;
  const { note } = await searchParams;
  const session = double.store.get("checkout.session", id);
  if (!session) notFound();
  const campaignId = session.metadata?.campaign_id;
  const [c] = campaignId
    ? await (
        await getDb()
      )
        .select({ alias: campaigns.alias, region: campaigns.region })
        .from(campaigns)
        .where(eq(campaigns.id, campaignId))
        .limit(1)
    : [];
  return (
    <section className="mx-auto max-w-md rounded-xl border border-line bg-white p-6 shadow-sm">
      <p className="text-sm text-muted">Test checkout · {session.id}</p>
      <h1 className="mt-1 text-2xl font-semibold">
        {formatUsd(session.amount_total ?? 0)}
        {session.mode === "subscription" ? " / month" : ""}
      </h1>
      <p className="mt-1">{c ? `Gift to the bond for ${c.alias}* (${c.region})` : "Gift"}</p>
      <p className="mt-1 text-sm text-muted">
        Session status: {session.status}
        {session.customer_email ? ` · ${session.customer_email}` : ""}
      </p>
      {note && (
        <p
          role="status"
          className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="checkout-note"
        >
          {note}
        </p>
      )}
      <form action={choose.bind(null, id)} className="mt-6 grid gap-2">
        {OUTCOMES.filter((o) => !o.method || session.payment_method_types.includes(o.method)).map((o) => (
          <button
            key={o.value}
            name="outcome"
            value={o.value}
            className={
              o.primary
                ? "rounded-lg bg-brand px-4 py-3 font-semibold text-white"
                : "rounded-lg border border-line px-4 py-2"
            }
          >
            {o.label}
          </button>
        ))}
      </form>
      {session.payment_method_types.includes("us_bank_account") && (
        <p className="mt-4 text-sm text-muted">
          A bank debit stays pending for about four business days. Settle or fail it from the{" "}
          <Link href="/dev/stripe" className="font-medium text-brand underline">
            Stripe console
          </Link>
          .
        </p>
      )}
    </section>
  );
}
