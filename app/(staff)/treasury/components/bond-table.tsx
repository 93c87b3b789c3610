import Link from "next/link";
import type { BondLine } from "@/lib/treasury/dashboard";
import { StatusBadge, Usd } from "./money";

export function BondTable({ rows, ageLabel, showApprovals }: { rows: BondLine[]; ageLabel: string; showApprovals?: boolean }) {
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs text-muted">
        <tr>
          <th className="py-1 font-medium">Campaign</th>
          <th className="py-1 font-medium">Status</th>
          <th className="py-1 text-right font-medium">Amount</th>
          {showApprovals ? <th className="py-1 text-right font-medium">Approvals</th> : null}
          <th className="py-1 text-right font-medium">{ageLabel}</th>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
