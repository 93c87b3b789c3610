import Link from "next/link";
import type { ReactNode } from "react";
import type { BondLine } from "@/lib/reports/treasury-dashboard";
import { StatusBadge, Usd } from "./money";

/** A column after the age, for tables whose rows carry more than a BondLine (e.g. the breach list's appeal window). */
export interface ExtraColumn<R> {
  head: string;
  cell: (row: R) => ReactNode;
  className?: string | ((row: R) => string);
}

export function BondTable<R extends BondLine>({
  rows,
  ageLabel,
  showApprovals,
  extra = [],
  testId,
}: {
  rows: R[];
  ageLabel: string;
  showApprovals?: boolean;
  extra?: ExtraColumn<R>[];
  testId?: string;
}) {
  const cls = (c: ExtraColumn<R>, r: R) => (typeof c.className === "function" ? c.className(r) : (c.className ?? ""));
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <thead className="text-left text-xs text-muted">
        <tr>
          <th className="py-1 font-medium">Campaign</th>
          <th className="py-1 font-medium">Status</th>
          <th className="py-1 text-right font-medium">Amount</th>
          {showApprovals ? <th className="py-1 text-right font-medium">Approvals</th> : null}
          <th className="py-1 text-right font-medium">{ageLabel}</th>
          {extra.map((c) => (
            <th key={c.head} className="py-1 pl-6 font-medium">
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.bondId} className="border-t border-line">
            <td className="py-1">
              <Link href={`/treasury/bonds/${b.bondId}`} className="text-brand underline">
                {b.alias}*
              </Link>
            </td>
            <td className="py-1">{b.status ? <StatusBadge status={b.status} /> : null}</td>
            <td className="py-1 text-right">
              <Usd cents={b.amountCents} />
            </td>
            {showApprovals ? (
              <td className="py-1 text-right tabular-nums">
                {b.approvals} of {b.required}
              </td>
            ) : null}
            <td className="py-1 text-right tabular-nums">{b.ageDays}</td>
            {extra.map((c) => (
              <td key={c.head} className={`py-1 pl-6 ${cls(c, b)}`}>
                {c.cell(b)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
