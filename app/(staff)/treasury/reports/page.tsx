import type { Metadata } from "next";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { statementOfActivity } from "@/lib/reports/activity";
import { balanceSheet } from "@/lib/reports/balance-sheet";
import { monthlyTreasury } from "@/lib/reports/monthly";
import { revolvingFigures } from "@/lib/reports/revolving";
import { requireTreasuryReader } from "@/lib/auth/treasury-reader";
import { pageError } from "@/app/components/staff/page-error";
import { ActivitySection } from "./activity-section";
import { BalanceSheetSection } from "./balance-sheet-section";
import { CsvExports } from "./csv-exports";
import { MonthCharts } from "./month-charts";
import { RevolvingSection } from "./revolving-section";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ from?: string; to?: string }> };

const isoDay = (s: string | undefined) =>
  s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? s : undefined;

export default async function ReportsPage({ searchParams }: Props) {
  const q = await searchParams;
  const from = isoDay(q.from);
  const to = isoDay(q.to);
  let bs, activity, rev, months;
  try {
    requireTreasuryReader(await currentPrincipal());
    const db = await getDb();
    bs = await balanceSheet(db);
    rev = await revolvingFigures(db);
    months = await monthlyTreasury(db);
    // `to` is inclusive for people: the period ends at the start of the next day.
    activity = await statementOfActivity(db, {
      from: from ? new Date(`${from}T00:00:00Z`) : undefined,
      to: to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : undefined,
    });
  } catch (e) {
    return pageError(e);
  }
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Reports</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <BalanceSheetSection bs={bs} />
        <ActivitySection activity={activity} from={from} to={to} />
      </div>
      <RevolvingSection rev={rev} />
      <MonthCharts months={months} />
      <CsvExports />
    </div>
  );
}
