/**
 * The transparency figures and the monthly chart, shared by the fund-wide page
 * and each campaign's page so both read the books the same way.
 */
import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import type { Transparency } from "@/lib/reports/transparency";
import { MonthChart } from "./month-chart";

/** `campaign`: a campaign's own figures, with what it still holds and what it passed to the general pool. */
export async function TransparencyFigures({
  figures: f,
  locale,
  campaign,
}: {
  figures: Transparency;
  locale: string;
  campaign?: { held: number; movedToGeneral: number };
}) {
  const t = await getTranslations("transparency");
  const figures: [string, number][] = [
    [t("raised"), f.raised],
    [t("fees"), f.fees],
    [t("refunded"), f.refunded + f.disputed],
    ...(campaign
      ? ([
          [t("held"), campaign.held],
          [t("movedToGeneral"), campaign.movedToGeneral],
        ] as [string, number][])
      : []),
    [t("atIce"), f.atIce],
    [t("recovered"), f.recovered],
    [t("forfeited"), f.forfeited],
  ];
  return (
    <>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3" data-testid="transparency-figures">
        {figures.map(([label, cents]) => (
          <div key={label} className="rounded-xl border border-line bg-white p-4">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{formatMoney(cents, locale)}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-3 mt-10 text-xl font-semibold">{t("chart")}</h2>
      {f.months.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <MonthChart
          rows={f.months}
          series={[
            { key: "gifts", label: t("gifts") },
            { key: "bondsPaid", label: t("bondsPaid") },
            { key: "recovered", label: t("recoveredShort") },
          ]}
          label={t("chartLabel")}
          monthLabel={t("month")}
          locale={locale}
        />
      )}
    </>
  );
}
