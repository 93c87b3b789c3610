import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { cancelRecurringGift, findRecurringGift, type CancelOutcome } from "@/lib/donations/cancel-recurring";
import { formatUsd } from "@/lib/money";
import { pageLoad } from "@/lib/outage/render-guard";
import { getStripe } from "@/lib/payments/stripe-client";
import { redirect } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stop a monthly gift", robots: { index: false }, referrer: "no-referrer" };

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ token?: string; done?: string }>;
};

async function stop(locale: string, id: string, form: FormData) {
  "use server";
  const token = String(form.get("token") ?? "");
  const outcome: CancelOutcome = await cancelRecurringGift(await getDb(), getStripe(), id, token);
  redirect({ href: { pathname: `/give/cancel/${id}`, query: { token, done: outcome } }, locale });
}

export default async function CancelPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { token, done } = await searchParams;
  const t = await getTranslations("cancel");
  const gift = await pageLoad(async () => findRecurringGift(await getDb(), id, token));
  const note = (text: string) => (
    <p className="mt-3 text-lg" data-testid="cancel-message">
      {text}
    </p>
  );
  let body;
  if (!gift) body = note(t("invalid"));
  else if (done === "cancelled") body = note(t("done"));
  else if (gift.status === "cancelled" || done === "already") body = note(t("already"));
  else if (!gift.hasSubscription || done === "not_started") body = note(t("notStarted"));
  else
    body = (
      <form action={stop.bind(null, locale, id)} className="mt-4 space-y-4">
        <input type="hidden" name="token" value={token} />
        <p>{t("summary", { amount: formatUsd(gift.amountCents), alias: `${gift.alias}*` })}</p>
        <p className="text-muted">{t("explain")}</p>
        <button type="submit" className="rounded-lg bg-brand px-5 py-3 font-semibold text-white hover:opacity-90">
          {t("confirm")}
        </button>
      </form>
    );
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {body}
    </section>
  );
}
