import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { donorGifts, donorMonthlyGifts, statementYears } from "@/lib/donor-portal/gifts";
import { formatDay } from "@/lib/mail/receipt";
import { RECEIPT_TEXT, receiptLanguage } from "@/lib/mail/receipt-words";
import { formatMoney } from "@/lib/money";
import { pageLoad } from "@/lib/outage/render-guard";
import { env } from "@/lib/env";
import { MonthlyGiftForms } from "../give/monthly-gift-forms";
import { changeMonthlyAmount, changeMonthlyCard, closeSession, mailStatement, stopMonthly } from "./actions";

const DONE = ["changed", "stopped", "notActive", "statementSent", "statementLimited"] as const;

/** A donor's own gifts (the session's address only), their PDFs, and their monthly gifts. */
export async function DonorGifts({
  locale,
  email,
  q,
}: {
  locale: string;
  email: string;
  q: Record<string, string | undefined>;
}) {
  const t = await getTranslations("myGifts");
  const te = await getTranslations("errors");
  const { gifts, monthly } = await pageLoad(async () => {
    const db = await getDb();
    return { gifts: await donorGifts(db, email), monthly: await donorMonthlyGifts(db, email) };
  });
  const years = statementYears(gifts);
  const money = (c: number) => formatMoney(c, locale);
  const done = DONE.find((d) => d === q.done);
  const tz = env().FUND_TIME_ZONE;
  const words = RECEIPT_TEXT[receiptLanguage(locale)];
  return (
    <section className="max-w-3xl space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("signedInAs", { email })}</h1>
        <form action={closeSession.bind(null, locale)}>
          <button type="submit" className="text-sm text-muted underline hover:text-ink">
            {t("signOut")}
          </button>
        </form>
      </div>
      {done && (
        <p role="status" data-testid="my-gifts-message" className="rounded-md border border-line bg-brand-soft p-3">
          {done === "changed"
            ? t("changed", { amount: money(monthly.find((m) => m.id === q.gift)?.amountCents ?? 0) })
            : t(done)}
        </p>
      )}

      <div>
        <h2 className="text-xl font-semibold">{t("giftsTitle")}</h2>
        {gifts.length === 0 ? (
          <p className="mt-2 text-muted">{t("noGifts")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-line rounded-xl border border-line bg-white">
            {gifts.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 p-3" data-testid="my-gift">
                <span>
                  <span className="font-medium">{formatDay(g.date, locale, tz)}</span> ·{" "}
                  {g.alias === null ? words.generalFund : `${g.alias}*`} ·{" "}
                  <span className="font-semibold">{money(g.amountCents)}</span>
                  {g.frequency === "monthly" && <span className="text-muted"> · {t("monthlyPayment")}</span>}
                  {g.refundedCents > 0 && (
                    <span className="text-red-800"> · {t("refunded", { amount: money(g.refundedCents) })}</span>
                  )}
                </span>
                <a href={`/api/my-gifts/receipt/${g.id}`} download className="text-brand underline">
                  {t("receiptPdf")}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div>
        <h2 className="text-xl font-semibold">{t("statementsTitle")}</h2>
        {years.length === 0 ? (
          <p className="mt-2 text-muted">{t("noStatements")}</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {years.map((y) => (
              <li key={y} className="flex flex-wrap items-center gap-4">
                <a href={`/api/my-gifts/statement/${y}`} download className="text-brand underline">
                  {t("statementPdf", { year: y })}
                </a>
                <form action={mailStatement.bind(null, locale, y)}>
                  <button type="submit" className="text-sm underline">
                    {t("statementMail")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div>
        <h2 className="text-xl font-semibold">{t("monthlyTitle")}</h2>
        {monthly.length === 0 && <p className="mt-2 text-muted">{t("monthlyNone")}</p>}
        {monthly.map((m) => {
          const gifted = money(m.amountCents - m.coverFeeCents);
          const errorKey = q.gift === m.id && q.error ? (te.has(q.error) ? q.error : "generic") : null;
          return (
            <div key={m.id} className="mt-4 space-y-4" data-testid="my-monthly-gift">
              <p className="font-medium">{`${m.alias}* · ${gifted}${m.coverFeeCents > 0 ? ` + ${money(m.coverFeeCents)}` : ""} / ${t("monthlyPayment")}`}</p>
              <MonthlyGiftForms
                locale={locale}
                gift={m}
                inputId={`monthly-amount-${m.id}`}
                actions={{
                  amount: changeMonthlyAmount.bind(null, locale, m.id),
                  card: changeMonthlyCard.bind(null, locale, m.id),
                  stop: stopMonthly.bind(null, locale, m.id),
                }}
                errorKey={errorKey}
                amountValue={errorKey ? q.amount : undefined}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}
