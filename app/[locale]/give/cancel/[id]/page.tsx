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

const button = "rounded-lg px-5 py-3 font-semibold";

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

        <form action={changeAmount.bind(null, locale, id)} className="space-y-3 rounded-xl border border-line p-4">
          <h2 className="text-lg font-semibold">{t("changeTitle")}</h2>
          <input type="hidden" name="token" value={token} />
          <label htmlFor="monthly-amount" className="block font-medium">
            {t("newAmount")}
          </label>
          <div className="relative">
            <span aria-hidden="true" className="absolute left-3 top-2 text-muted">
              $
            </span>
            <input
              id="monthly-amount"
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={q.amount ?? ((gift.amountCents - gift.coverFeeCents) / 100).toFixed(2)}
              aria-invalid={Boolean(errorKey)}
              aria-describedby={errorKey ? "monthly-amount-error" : undefined}
              className={`block w-full rounded-md border bg-white px-3 py-2 pl-7 text-base ${errorKey ? "border-red-700" : "border-line"}`}
            />
          </div>
          {errorKey && (
            <p id="monthly-amount-error" className="text-sm font-medium text-red-800">
              {te(errorKey, { max: formatMoney(env().DONATION_MAX_CENTS, locale, { wholeDollars: true }) })}
            </p>
          )}
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="coverFee"
              defaultChecked={gift.coverFeeCents > 0}
              className="mt-1 h-5 w-5 shrink-0 accent-brand"
            />
            <span>{t("coverFee")}</span>
          </label>
          <p className="text-sm text-muted">{t("changeExplain")}</p>
          <button type="submit" className={`${button} bg-brand text-white hover:opacity-90`}>
            {t("changeConfirm")}
          </button>
        </form>

        <form action={changeCard.bind(null, locale, id)} className="space-y-3 rounded-xl border border-line p-4">
          <h2 className="text-lg font-semibold">{t("cardTitle")}</h2>
          <input type="hidden" name="token" value={token} />
          <p className="text-sm text-muted">{t("cardExplain")}</p>
          <button type="submit" className={`${button} border border-brand text-brand hover:bg-brand-soft`}>
            {t("cardConfirm")}
          </button>
        </form>

        <form action={stop.bind(null, locale, id)} className="space-y-3 rounded-xl border border-line p-4">
          <h2 className="text-lg font-semibold">{t("stopTitle")}</h2>
          <input type="hidden" name="token" value={token} />
          <p className="text-sm text-muted">{t("explain")}</p>
          <button type="submit" className={`${button} border border-red-800 text-red-800 hover:bg-red-50`}>
            {t("confirm")}
          </button>
        </form>
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
