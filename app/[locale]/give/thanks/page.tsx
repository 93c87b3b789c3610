import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { pageLoad } from "@/lib/outage/render-guard";
import { describeCheckout } from "@/lib/donations/thanks";
import { Link } from "@/lib/i18n/link";
import { formatMoney } from "@/lib/money";
import { getStripe } from "@/lib/payments/stripe-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ session_id?: string | string[] }> };

export default async function ThanksPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = (await searchParams).session_id;
  const view = await pageLoad(async () =>
    describeCheckout(await getDb(), getStripe(), Array.isArray(raw) ? raw[0] : raw),
  );
  const t = await getTranslations("thanks");
  const alias = view.campaign ? `${view.campaign.alias}*` : "";
  const amount = formatMoney(view.giftCents, locale);
  const token = view.recurringGiftId ? (await cookies()).get(`ob_cancel_${view.recurringGiftId}`)?.value : undefined;

  if (view.outcome === "unknown" || !view.campaign) {
    return (
      <section className="max-w-xl">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-3">{t("unknown")}</p>
        <Link href="/" className="mt-4 inline-block font-medium text-brand underline">
          {t("back")}
        </Link>
      </section>
    );
  }
  if (view.outcome === "not_finished") {
    return (
      <section className="max-w-xl">
        <p className="text-lg" data-testid="thanks-message">
          {t("notFinished")}
        </p>
        <Link href={`/campaigns/${view.campaign.slug}`} className="mt-4 inline-block font-medium text-brand underline">
          {t("tryAgain", { alias })}
        </Link>
      </section>
    );
  }
  const email = view.maskedEmail ?? "";
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-lg" data-testid="thanks-message">
        {view.outcome === "processing"
          ? t("processing", { amount, alias, email: email || "—" })
          : t(view.monthly ? "receivedMonthly" : "received", { amount, alias })}{" "}
        {view.expectedSettlement && (
          <span data-testid="thanks-expected">
            {t("expected", {
              date: new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", {
                dateStyle: "long",
                timeZone: "UTC",
              }).format(view.expectedSettlement),
            })}{" "}
          </span>
        )}
        {view.coverFeeCents > 0 &&
          t(view.bank ? "coverNoteBank" : "coverNote", { fee: formatMoney(view.coverFeeCents, locale) })}{" "}
        {view.outcome === "paid" && (view.maskedEmail ? t("receipt", { email }) : t("noEmail"))}
      </p>
      {view.monthly && token && (
        <p className="rounded-md bg-brand-soft p-3 text-sm">
          {t("cancelLink")}
          <Link
            href={`/give/cancel/${view.recurringGiftId}?token=${encodeURIComponent(token)}`}
            className="font-medium text-brand underline"
          >
            {t("cancelLinkText")}
          </Link>
        </p>
      )}
      <h2 className="pt-2 text-xl font-semibold">{t("next")}</h2>
      <ol className="list-decimal space-y-2 pl-5">
        {/* A bank gift appears only once it clears (said above), not within a minute. */}
        {view.outcome !== "processing" && <li>{t("next1")}</li>}
        <li>{t("nameReview")}</li>
        <li>{t("next2")}</li>
        <li>{t("next3")}</li>
      </ol>
      <Link href={`/campaigns/${view.campaign.slug}`} className="inline-block font-medium text-brand underline">
        {t("tryAgain", { alias })}
      </Link>
    </section>
  );
}
