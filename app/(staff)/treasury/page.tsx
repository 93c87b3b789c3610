import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { treasuryDashboard, type BreachLine, type TreasuryDashboard } from "@/lib/reports/treasury-dashboard";
import { AfterReleasePanels } from "./components/after-release";
import { BondTable, type ExtraColumn } from "./components/bond-table";
import { CaseTasksPanel } from "./case-tasks/panel";
import { MoneyLink } from "./components/money";
import { formatUsd } from "@/lib/money";
import { pageError } from "@/app/components/staff/page-error";

export const metadata: Metadata = { title: "Treasury" };
export const dynamic = "force-dynamic";

export default async function TreasuryHome() {
  let d: TreasuryDashboard;
  try {
    d = await treasuryDashboard(await getDb(), await currentPrincipal());
  } catch (e) {
    return pageError(e);
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Treasury</h1>
      <div className="grid gap-3 sm:grid-cols-4" data-testid="headline">
        <Stat label="General pool, available now" testId="general-pool">
          <MoneyLink cents={d.funds[0]!.cents} account="general" />
        </Stat>
        <Stat label={`Bonds at ICE (${d.atIce.count})`}>
          <MoneyLink cents={d.atIce.totalCents} account="bond:*" />
          {d.atIce.oldest ? (
            <span className="block text-xs font-normal text-muted">
              oldest {d.atIce.oldest.ageDays} days ({d.atIce.oldest.alias}*)
            </span>
          ) : null}
        </Stat>
        <Stat label="Awaiting approval">{d.totals.awaitingApproval}</Stat>
        <Stat label="Overdue (refund / I-391)" warn={d.totals.refundsOverdue + d.totals.i391Overdue > 0}>
          {d.totals.refundsOverdue} / {d.totals.i391Overdue}
        </Stat>
      </div>

      <CaseTasksPanel />
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Money by fund">
          <table className="w-full text-sm">
            <tbody>
              {d.funds.map((f) => (
                <tr key={f.account} className="border-t border-line">
                  <td className="py-1">{f.label}</td>
                  <td className="py-1 text-right">
                    <MoneyLink cents={f.cents} account={f.account} />
                  </td>
                </tr>
              ))}
              {d.moreFunds.count > 0 ? (
                <tr className="border-t border-line" data-testid="more-funds">
                  <td className="py-1">{d.moreFunds.count} more campaign(s) holding money (restricted)</td>
                  <td className="py-1 text-right tabular-nums">{formatUsd(d.moreFunds.cents)}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-muted">
            Restricted campaign money can pay only that campaign&apos;s bond; the general pool can top up any bond.
          </p>
        </Panel>
        <Panel title="Where the money is">
          <table className="w-full text-sm">
            <tbody>
              {d.assets.map((a) => (
                <tr key={a.account} className="border-t border-line">
                  <td className="py-1">{a.label}</td>
                  <td className="py-1 text-right">
                    <MoneyLink cents={a.cents} account={a.account} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-sm">
            <Link href="/treasury/reconciliation" className="underline">
              Stripe payouts needing attention
            </Link>
            :{" "}
            <strong
              data-testid="payouts-unreconciled"
              title="Not imported yet, or holding transactions that disagree with the books"
            >
              {d.payoutsUnreconciled}
            </strong>{" "}
            · Disputes open: <strong data-testid="disputes-open">{d.disputesOpen}</strong>
          </p>
        </Panel>
      </div>

      <AfterReleasePanels />
      <Panel title="Bonds awaiting approval" empty={!d.awaitingApproval.length}>
        <BondTable rows={d.awaitingApproval} ageLabel="Requested (days ago)" showApprovals />
        <More shown={d.awaitingApproval.length} total={d.totals.awaitingApproval} status="requested" />
      </Panel>
      <Panel title="Approved, waiting to be paid" empty={!d.awaitingPayment.length}>
        <BondTable rows={d.awaitingPayment} ageLabel="Requested (days ago)" />
        <More shown={d.awaitingPayment.length} total={d.totals.awaitingPayment} status="approved" />
      </Panel>
      <Panel
        title={`Refunds overdue (claim mailed more than ${d.watch.refundDays} days ago)`}
        empty={!d.refundsOverdue.length}
      >
        <BondTable rows={d.refundsOverdue} ageLabel="Claim mailed (days ago)" />
        <More shown={d.refundsOverdue.length} total={d.totals.refundsOverdue} status="refund_claimed" />
      </Panel>
      <Panel
        title={`No I-391 yet (case marked released more than ${d.watch.i391Days} days ago)`}
        empty={!d.i391Overdue.length}
      >
        <BondTable rows={d.i391Overdue} ageLabel="Released (days ago)" />
        <More shown={d.i391Overdue.length} total={d.totals.i391Overdue} status="posted" />
      </Panel>
      <Panel
        title={`Breached (I-323): appeal within ${d.watch.appealDays} days of the notice (${d.watch.appealDays + 3} if it was mailed)`}
        empty={!d.breaches.length}
      >
        <BondTable rows={d.breaches} ageLabel="I-323 (days ago)" extra={BREACH_COLUMNS} testId="breaches" />
        <More shown={d.breaches.length} total={d.totals.breaches} status="breached" />
      </Panel>
      <p className="text-sm">
        <Link href="/treasury/bonds" className="text-brand underline">
          All bonds
        </Link>
      </p>
    </div>
  );
}

function Stat({
  label,
  children,
  warn,
  testId,
}: {
  label: string;
  children: React.ReactNode;
  warn?: boolean;
  testId?: string;
}) {
  return (
    <div className={`rounded-lg border bg-white p-3 ${warn ? "border-accent" : "border-line"}`} data-testid={testId}>
      <div className="text-xs uppercase tracking-wide text-muted">{label}</div>
      <div className="mt-1 text-xl font-semibold">{children}</div>
    </div>
  );
}

/** Under a capped list: how many it leaves out, and the bonds page filtered to them. */
function More({ shown, total, status }: { shown: number; total: number; status: string }) {
  if (total <= shown) return null;
  return (
    <p className="mt-2 text-sm text-muted" data-testid="more-rows">
      Showing the {shown} oldest of {total}.{" "}
      <Link href={`/treasury/bonds?status=${status}`} className="text-brand underline">
        All bonds that are {status.replace("_", " ")}
      </Link>
    </p>
  );
}

function Panel({ title, children, empty }: { title: string; children: React.ReactNode; empty?: boolean }) {
  return (
    <section className="rounded-lg border border-line bg-white p-4">
      <h2 className="mb-2 font-semibold">{title}</h2>
      {empty ? <p className="text-sm text-muted">None.</p> : children}
    </section>
  );
}

/** The breach list: the bond columns, then the appeal window (docs/domain.md: appeal within BOND_APPEAL_DAYS of the I-323). */
const BREACH_COLUMNS: ExtraColumn<BreachLine>[] = [
  { head: "Appeal deadline", cell: (b) => b.deadline, className: "tabular-nums" },
  {
    head: "Appeal",
    cell: (b) =>
      b.appealedOn
        ? `filed ${b.appealedOn}`
        : b.open
          ? `${b.daysLeft} day(s) left`
          : `window closed ${-b.daysLeft} day(s) ago`,
    className: (b) => (!b.appealedOn && !b.open ? "font-medium text-accent" : ""),
  },
];
