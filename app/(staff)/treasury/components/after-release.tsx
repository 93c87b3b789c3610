/**
 * The treasury dashboard's after-release panels: every open ICE deadline with
 * days left (most urgent first), address changes with no I-333, refunds late
 * past 90/180/365 days, and the money at ICE by age with interest expected.
 * Aliases, forms and dates only: nothing here decrypts an obligor or a notice.
 */
import Link from "next/link";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { requireTreasuryReader } from "@/lib/auth/treasury-reader";
import { formatUsd } from "@/lib/money";
import { openDeadlines } from "@/lib/notices/open-deadlines";
import { missingI333 } from "@/lib/obligors/i333-watch";
import { BUCKET_LABEL } from "@/lib/recovery/aging";
import { moneyAtIceByAge } from "@/lib/recovery/aging-report";
import { refundAlerts } from "@/lib/recovery/claims";

const cell = "py-1 pr-3";

export async function AfterReleasePanels() {
  requireTreasuryReader(await currentPrincipal());
  const db = await getDb();
  const [deadlines, noI333, late, aging] = await Promise.all([
    openDeadlines(db),
    missingI333(db),
    refundAlerts(db),
    moneyAtIceByAge(db),
  ]);
  return (
    <>
      <Panel title={`ICE deadlines (${deadlines.length} open), most urgent first`} testId="deadlines">
        {deadlines.length === 0 ? (
          <p className="text-sm text-muted">None open.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="text-left text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th className={cell}>Days left</th>
                  <th className={cell}>Deadline</th>
                  <th className={cell}>Bond</th>
                  <th className={cell}>Due</th>
                </tr>
              </thead>
              <tbody>
                {deadlines.map((d) => (
                  <tr key={d.noticeId} className="border-t border-line" data-testid={`deadline-${d.kind}`}>
                    <td
                      className={`${cell} font-semibold tabular-nums ${d.overdue || d.daysLeft <= 3 ? "text-accent" : ""}`}
                    >
                      {d.overdue ? `overdue ${-d.daysLeft}` : d.daysLeft}
                    </td>
                    <td className={cell}>{d.label}</td>
                    <td className={cell}>
                      <Link href={`/treasury/bonds/${d.bondId}/notices`} className="text-brand underline">
                        {d.alias}*
                      </Link>
                    </td>
                    <td className={`${cell} tabular-nums`}>{d.local}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      {noI333.length ? (
        <Panel title="Address of record changed, no Form I-333 after 10 days" testId="no-i333">
          <ul className="text-sm">
            {noI333.map((m) => (
              <li key={m.addressId} className="border-t border-line py-1">
                {m.kind === "fund" ? "The fund's address" : "A person obligor's address"} changed {m.daysSince} days ago
                — bonds:{" "}
                {m.bondIds.map((b, i) => (
                  <Link key={b} href={`/treasury/bonds/${b}/obligor`} className="mr-2 text-brand underline">
                    {m.aliases[i] ?? "bond"}*
                  </Link>
                ))}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {late.length ? (
        <Panel title="Refunds late (no refund 90, 180, 365 days after the claim was mailed)" testId="refunds-late">
          <ul className="text-sm">
            {late.map((a) => (
              <li key={a.bondId} className="border-t border-line py-1">
                <Link href={`/treasury/bonds/${a.bondId}/recovery`} className="text-brand underline">
                  {a.alias}*
                </Link>{" "}
                {formatUsd(a.amountCents)} · {a.daysSinceClaim} days (past {a.level}) · last follow-up{" "}
                {a.lastFollowupOn ?? "none"}
                {a.foia ? " · FOIA draft ready" : ""}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      <Panel title="Money at ICE by age" testId="aging">
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-muted">
              <tr>
                <th className={cell}>Age (since the I-305)</th>
                <th className={`${cell} text-right`}>Bonds</th>
                <th className={`${cell} text-right`}>Principal</th>
                <th className={`${cell} text-right`}>Claim mailed</th>
                <th className={`${cell} text-right`}>Interest expected to date</th>
              </tr>
            </thead>
            <tbody>
              {aging.rows.map((r) => (
                <tr key={r.bucket} className="border-t border-line" data-testid={`aging-${r.bucket}`}>
                  <td className={cell}>{BUCKET_LABEL[r.bucket]}</td>
                  <td className={`${cell} text-right tabular-nums`}>{r.count}</td>
                  <td className={`${cell} text-right tabular-nums`}>{formatUsd(r.principalCents)}</td>
                  <td className={`${cell} text-right tabular-nums`} data-testid={`aging-${r.bucket}-claimed`}>
                    {formatUsd(r.claimedCents)}
                  </td>
                  <td className={`${cell} text-right tabular-nums`}>
                    {r.interestCents === null ? "rate missing" : formatUsd(r.interestCents)}
                  </td>
                </tr>
              ))}
              <tr className="border-t border-line font-semibold">
                <td className={cell}>Total receivable (gross)</td>
                <td />
                <td className={`${cell} text-right tabular-nums`} data-testid="aging-total">
                  {formatUsd(aging.totalCents)}
                </td>
                <td />
                <td />
              </tr>
              <tr className="border-t border-line">
                <td className={cell}>Less: allowance for bonds not expected back</td>
                <td />
                <td className={`${cell} text-right tabular-nums`}>−{formatUsd(aging.allowanceCents)}</td>
                <td />
                <td />
              </tr>
            </tbody>
          </table>
        </div>
        <p className="mt-2 text-sm">
          <Link href="/treasury/allowance" className="text-brand underline">
            Allowance policy{aging.policySet ? "" : " (not set)"}
          </Link>
        </p>
      </Panel>
    </>
  );
}

function Panel({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-line bg-white p-4" data-testid={testId}>
      <h2 className="mb-2 font-semibold">{title}</h2>
      {children}
    </section>
  );
}
