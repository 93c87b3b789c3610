import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatUsd } from "@/lib/money";
import { pageLoad } from "@/lib/page-unavailable";
import { transparency } from "@/lib/reports/transparency";
import { MonthChart } from "../../components/month-chart";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "transparency" });
  return { title: t("title") };
}

export default async function TransparencyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("transparency");
  const f = await pageLoad(async () => transparency(await getDb()));
  const figures: [string, number][] = [
    [t("raised"), f.raised],
    [t("fees"), f.fees],
    [t("refunded"), f.refunded + f.disputed],
    [t("atIce"), f.atIce],
    [t("recovered"), f.recovered],
    [t("forfeited"), f.forfeited],
  ];
  return (
    <>
      <section className="mb-8 max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-3 text-muted">{t("intro")}</p>
      </section>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3" data-testid="transparency-figures">
        {figures.map(([label, cents]) => (
          <div key={label} className="rounded-xl border border-line bg-white p-4">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{formatUsd(cents, { wholeDollars: true })}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-3 mt-10 text-xl font-semibold">{t("chart")}</h2>
      {f.months.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <MonthChart
          months={f.months}
          labels={{ chart: t("chartLabel"), gifts: t("gifts"), bondsPaid: t("bondsPaid"), recovered: t("recoveredShort"), month: t("month") }}
          locale={locale}
        />
      )}
    </>
  );
}
