import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { redirect as externalRedirect } from "next/navigation";
import { requestOrigin } from "@/lib/app-origin";
import { getDb } from "@/db";
import { cancelRecurringGift, findRecurringGift, type CancelOutcome } from "@/lib/donations/cancel-recurring";
import { cardUpdateUrl, changeRecurringAmount } from "@/lib/donations/manage-recurring";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { pageLoad } from "@/lib/outage/render-guard";
import { getStripe } from "@/lib/payments/stripe-client";
import { redirect } from "@/lib/i18n/navigation";
import { MonthlyGiftForms } from "../../monthly-gift-forms";

export const dynamic = "force-dynamic";
/**
 * same-origin, not no-referrer: the token in the URL never leaves for another site, and
 * our own forms still send a real Origin header (with no-referrer a browser without
 * JavaScript posts "Origin: null", which Next.js refuses as a cross-site Server Action).
 */
export const metadata: Metadata = { title: "Your monthly gift", robots: { index: false }, referrer: "same-origin" };

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ token?: string; done?: string; error?: string; amount?: string }>;
};

const back = (locale: string, id: string, token: string, query: Record<string, string>) =>
  redirect({ href: { pathname: `/give/cancel/${id}`, query: { token, ...query } }, locale });

async function stop(locale: string, id: string, form: FormData) {
  "use server";
  const token = String(form.get("token") ?? "");
  const outcome: CancelOutcome = await cancelRecurringGift(await getDb(), getStripe(), id, token);
  back(locale, id, token, { done: outcome });
}

async function changeAmount(locale: string, id: string, form: FormData) {
  "use server";
  const token = String(form.get("token") ?? "");
  let done: string;
  try {
    done = await changeRecurringAmount(await getDb(), getStripe(), {
      id,
      token,
      amount: String(form.get("amount") ?? "").slice(0, 40),
      coverFee: form.get("coverFee") === "on",
      maxCents: env().DONATION_MAX_CENTS,
    });
  } catch (e) {
    const key = isAppError(e) && typeof e.details?.key === "string" ? e.details.key : "generic";
    return back(locale, id, token, { error: key, amount: String(form.get("amount") ?? "").slice(0, 40) });
  }
  back(locale, id, token, { done });
}

async function changeCard(locale: string, id: string, form: FormData) {
  "use server";
  const token = String(form.get("token") ?? "");
  const here = `${requestOrigin(await headers())}${locale === "en" ? "" : `/${locale}`}/give/cancel/${id}?token=${encodeURIComponent(token)}`;
  const url = await cardUpdateUrl(await getDb(), getStripe(), { id, token, returnUrl: here });
  if (url === "invalid" || url === "not_active") return back(locale, id, token, { done: url });
  externalRedirect(url);
}

export default async function ManageMonthlyPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const q = await searchParams;
  const token = q.token;
  const [t, te] = [await getTranslations("cancel"), await getTranslations("errors")];
  const gift = await pageLoad(async () => findRecurringGift(await getDb(), id, token));
  const note = (text: string) => (
    <p className="mt-3 text-lg" data-testid="cancel-message" role="status">
      {text}
    </p>
  );
  let body;
  if (!gift) body = note(t("invalid"));
  else if (gift.status === "cancelled") body = note(q.done === "cancelled" ? t("done") : t("already"));
  else if (!gift.hasSubscription || q.done === "not_started") body = note(t("notStarted"));
  else {
    const gifted = formatMoney(gift.amountCents - gift.coverFeeCents, locale);
    const errorKey = q.error && te.has(q.error) ? q.error : q.error ? "generic" : null;
    body = (
      <div className="mt-4 space-y-8">
        {q.done === "changed" && note(t("changed", { amount: formatMoney(gift.amountCents, locale) }))}
        <p data-testid="monthly-summary">
          {gift.coverFeeCents > 0
            ? t("summaryCover", {
                amount: gifted,
                fee: formatMoney(gift.coverFeeCents, locale),
                total: formatMoney(gift.amountCents, locale),
                alias: `${gift.alias}*`,
              })
            : t("summary", { amount: gifted, alias: `${gift.alias}*` })}
        </p>

        <MonthlyGiftForms
          locale={locale}
          gift={gift}
          actions={{
            amount: changeAmount.bind(null, locale, id),
            card: changeCard.bind(null, locale, id),
            stop: stop.bind(null, locale, id),
          }}
          hidden={{ token: token ?? "" }}
          errorKey={errorKey}
          amountValue={q.amount}
        />
      </div>
    );
  }
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {body}
    </section>
  );
}
