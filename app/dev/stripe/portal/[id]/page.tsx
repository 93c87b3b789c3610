import { notFound, redirect } from "next/navigation";
import { devDouble } from "@/lib/dev/dev-tools";
import { formatUsd } from "@/lib/money";

export const dynamic = "force-dynamic";
export const metadata = { title: "Test customer portal", robots: { index: false } };

const TEST_CARDS = [
  { value: "pm_card_visa", label: "Visa ending 4242" },
  { value: "pm_card_mastercard", label: "Mastercard ending 4444" },
];

/** The double's stand-in for Stripe's customer portal: change the card of the customer's subscriptions. */
async function updateCard(id: string, form: FormData) {
  "use server";
  const double = await devDouble();
  const session = double?.portalSessions.get(id);
  if (!double || !session) notFound();
  const card = String(form.get("card"));
  if (!TEST_CARDS.some((c) => c.value === card)) notFound();
  for (const sub of double.store.all("subscription"))
    if (sub.customer === session.customer && sub.status !== "canceled")
      double.updateSubscription(sub.id, { defaultPaymentMethod: card });
  // The double sends customer.subscription.updated by itself (autoDeliver), as Stripe does.
  await double.idle();
  redirect(session.return_url ?? `/dev/stripe/portal/${id}?note=updated`);
}

export default async function TestPortal({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ note?: string }>;
}) {
  const double = await devDouble();
  const { id } = await params;
  const session = double?.portalSessions.get(id);
  if (!double || !session) notFound();
  const { note } = await searchParams;
  const subs = double.store.all("subscription").filter((s) => s.customer === session.customer);
  return (
    <section className="mx-auto max-w-md rounded-xl border border-line bg-white p-6 shadow-sm">
      <p className="text-sm text-muted">Test customer portal · {session.id}</p>
      <h1 className="mt-1 text-2xl font-semibold">Update payment method</h1>
      <ul className="mt-3 space-y-1 text-sm">
        {subs.map((s) => (
          <li key={s.id}>
            {formatUsd(s.items.data[0]?.price.unit_amount ?? 0)} / month · {s.status} · card:{" "}
            {s.default_payment_method ? String(s.default_payment_method) : "the one used at checkout"}
          </li>
        ))}
      </ul>
      {note && (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          Card updated.
        </p>
      )}
      <form action={updateCard.bind(null, id)} className="mt-6 grid gap-2">
        {TEST_CARDS.map((c, i) => (
          <button
            key={c.value}
            name="card"
            value={c.value}
            className={
              i === 0
                ? "rounded-lg bg-brand px-4 py-3 font-semibold text-white"
                : "rounded-lg border border-line px-4 py-2"
            }
          >
            Use {c.label}
          </button>
        ))}
      </form>
      {session.return_url && (
        <a href={session.return_url} className="mt-4 inline-block text-brand underline">
          Return without changes
        </a>
      )}
    </section>
  );
}
