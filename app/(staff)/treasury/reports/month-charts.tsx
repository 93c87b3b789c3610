import type { TreasuryMonth } from "@/lib/reports/monthly";
import { MonthChart, type ChartSeries } from "../../../components/month-chart";

type MonthKey = Exclude<keyof TreasuryMonth, "month">;

/** The reports page's month charts: what each draws, and its accessible name. */
const CHARTS: { testId: string; title: string; series: ChartSeries<MonthKey>[]; label: string; unit?: "count" }[] = [
  {
    testId: "chart-balances",
    title: "Money at ICE and in the pools, at each month's end",
    series: [
      { key: "atIce", label: "At ICE (bonds)" },
      { key: "general", label: "General pool" },
      { key: "campaigns", label: "Campaign funds" },
    ],
    label: "Month-end balances: money at ICE as bonds, the general pool and the restricted campaign funds",
  },
  {
    testId: "chart-flows",
    title: "Gifts received, bonds paid and bonds recovered",
    series: [
      { key: "gifts", label: "Gifts" },
      { key: "bondsPaid", label: "Bonds paid" },
      { key: "recovered", label: "Recovered (with interest)" },
    ],
    label: "Money per month: gifts received, bonds paid to ICE, bond refunds and interest received",
  },
  {
    testId: "chart-bonds",
    title: "Bonds posted, refunded and forfeited (count)",
    series: [
      { key: "bondsPosted", label: "Posted" },
      { key: "bondsRefunded", label: "Refunded" },
      { key: "bondsForfeited", label: "Forfeited" },
    ],
    label: "Number of bonds per month: posted (I-305), refunded and forfeited",
    unit: "count",
  },
];

/** The month-by-month charts, each with its numbers in a table below it. */
export function MonthCharts({ months }: { months: TreasuryMonth[] }) {
  return (
    <section className="space-y-6" data-testid="report-charts">
      <h2 className="font-semibold">Month by month</h2>
      {months.length === 0 ? (
        <p className="text-sm text-muted">Nothing has been booked yet.</p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-2">
          {CHARTS.map((c) => (
            <div key={c.testId}>
              <h3 className="mb-2 text-sm font-semibold">{c.title}</h3>
              <MonthChart
                rows={months}
                series={c.series}
                label={c.label}
                monthLabel="Month"
                locale="en-US"
                unit={c.unit}
                testId={c.testId}
              />
            </div>
          ))}
        </div>
      )}
      <p className="text-xs text-muted">
        Balances are running sums of the ledger postings by effective date; the last month ends at today&apos;s
        balances. Charts show the last 18 months; each has its numbers in a table below it.
      </p>
    </section>
  );
}
