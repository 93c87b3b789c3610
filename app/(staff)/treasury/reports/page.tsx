/* eslint-disable @next/next/no-html-link-for-pages -- the CSV links are downloads from route handlers, not pages */
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { formatUsd } from "@/lib/money";
import { statementOfActivity } from "@/lib/reports/activity";
import { balanceSheet } from "@/lib/reports/balance-sheet";
import { monthlyTreasury, type TreasuryMonth } from "@/lib/reports/monthly";
import { revolvingFigures } from "@/lib/reports/revolving";
import { requireTreasuryReader } from "@/lib/auth/treasury-reader";
import { MonthChart, type ChartSeries } from "../../../components/month-chart";
import { pageError } from "@/app/components/staff/page-error";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ from?: string; to?: string }> };

const isoDay = (s: string | undefined) =>
  s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? s : undefined;

function Rows({ rows }: { rows: [string, number, string?][] }) {
  return (
    <table className="w-full text-sm">
      <tbody>
        {rows.map(([label, cents, href]) => (
          <tr key={label} className="border-t border-line">
            <th scope="row" className="py-1.5 text-left font-normal">
              {label}
            </th>
            <td className="py-1.5 text-right tabular-nums">
              {href ? (
                <Link className="underline" href={href}>
                  {formatUsd(cents)}
                </Link>
              ) : (
                formatUsd(cents)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
  const ledger = (account: string) => `/treasury/ledger?account=${encodeURIComponent(account)}`;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Reports</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-xl border border-line bg-white p-4">
          <h2 className="mb-2 font-semibold">Balance sheet: where the money is</h2>
          <Rows
            rows={[
              ["Stripe balance", bs.assets.stripe, ledger("stripe")],
              ["Bank", bs.assets.bank, ledger("bank")],
              ["Checks and cash not yet deposited", bs.assets.undeposited, ledger("undeposited_funds")],
              ["Bonds held by ICE (receivable, gross)", bs.assets.atIce],
              ["Less: allowance for bonds not expected back", -bs.assets.allowance, ledger("bond_allowance")],
              ["Bonds held by ICE, net", bs.assets.atIceNet],
              ["Total assets", bs.assets.total],
            ]}
          />
          <h2 className="mb-2 mt-6 font-semibold">Whose purpose it serves</h2>
          <Rows
            rows={[
              ["General pool (unrestricted)", bs.funds.general, ledger("general")],
              ["Campaign funds (restricted)", bs.funds.campaigns],
              ["Bonds outstanding", bs.funds.bondsOutstanding, ledger("bonds_outstanding")],
              ["Total funds", bs.funds.total],
            ]}
          />
          {bs.assets.total !== bs.funds.total ? (
            <p className="mt-2 font-semibold text-accent">Assets and funds differ: the books need attention.</p>
          ) : (
            <p className="mt-2 text-xs text-muted">Assets equal funds, to the cent.</p>
          )}
        </section>
        <section className="rounded-xl border border-line bg-white p-4">
          <h2 className="mb-2 font-semibold">Statement of activity</h2>
          <form method="get" className="mb-3 flex flex-wrap items-end gap-2 text-sm">
            <label className="flex flex-col">
              From
              <input type="date" name="from" defaultValue={from} className="rounded border border-line px-2 py-1" />
            </label>
            <label className="flex flex-col">
              To (inclusive)
              <input type="date" name="to" defaultValue={to} className="rounded border border-line px-2 py-1" />
            </label>
            <button className="rounded bg-brand px-3 py-1.5 font-semibold text-white">Show</button>
          </form>
          <Rows
            rows={[
              ["Gifts", activity.gifts],
              ["Card fees", -activity.fees],
              ["Refunds to donors", -activity.refunds],
              ["Disputes", -activity.disputes],
              ["Bond interest received", activity.interest],
              ["Forfeitures (losses)", -activity.forfeitures],
              ["Provision for uncollectible bonds", -activity.provision],
              ["Net change in funds", activity.netChange],
            ]}
          />
          <h3 className="mb-1 mt-4 text-sm font-semibold">Bonds (assets moving, not expenses)</h3>
          <Rows
            rows={[
              ["Bonds paid to ICE", activity.bondsPaid],
              ["Bond principal refunded", activity.bondRefunds],
              ["Forfeited, written off against the allowance", activity.writeOffs],
            ]}
          />
        </section>
      </div>
      <section className="rounded-xl border border-line bg-white p-4 text-sm" data-testid="revolving">
        <h2 className="mb-2 font-semibold">The revolving fund</h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {[
            ["Bonds posted", String(rev.bondsPosted)],
            ["Money at ICE now", formatUsd(rev.atIceCents)],
            ["Money recovered (with interest)", formatUsd(rev.recoveredCents)],
            [
              "Recovery rate (ended bonds)",
              rev.recoveryRate === null
                ? "no bond has ended yet"
                : `${Math.round(rev.recoveryRate * 100)}% (${rev.refundedBonds} refunded, ${rev.forfeitedBonds} forfeited)`,
            ],
            [
              "Average days to refund",
              rev.averageDaysToRefund === null ? "no refund yet" : `${rev.averageDaysToRefund} days`,
            ],
            [
              "Times the pool has turned",
              rev.poolTurns === null ? "no gifts yet" : `${rev.poolTurns.toFixed(2)} (bonds paid ÷ gifts received)`,
            ],
          ].map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-muted">{label}</dt>
              <dd className="font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
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
      <section className="rounded-xl border border-line bg-white p-4 text-sm">
        <h2 className="mb-2 font-semibold">CSV exports</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <a className="underline" href="/treasury/exports/ledger">
              Ledger
            </a>
            : every posting of every entry.
          </li>
          <li>
            <a className="underline" href="/treasury/exports/gifts">
              Gifts
            </a>
            : amounts, fees, refunds and donor-wall names (no email addresses).
          </li>
          <li>
            <a className="underline" href="/treasury/exports/bonds">
              Bonds
            </a>
            : amounts and states, months only.
          </li>
          <li>
            <a className="underline" href="/treasury/exports/bonds-with-case-files">
              Bonds with case files
            </a>{" "}
            (treasurers only, recorded in the audit log): legal names, A-numbers, I-305 numbers and exact dates. Keep
            this file encrypted and delete it after use.
          </li>
        </ul>
      </section>
    </div>
  );
}
