/**
 * A server-rendered bar chart (no client JavaScript), with the same numbers in
 * a table for screen readers and anyone who prefers one.
 */
import { formatUsd } from "@/lib/money";
import type { MonthRow } from "@/lib/reports/transparency";

const SERIES = [
  { key: "gifts", color: "#1f5f5b" },
  { key: "bondsPaid", color: "#b4572e" },
  { key: "recovered", color: "#6b7fa8" },
] as const;

interface Labels {
  chart: string;
  gifts: string;
  bondsPaid: string;
  recovered: string;
  month: string;
}

export function MonthChart({ months, labels, locale }: { months: MonthRow[]; labels: Labels; locale: string }) {
  const shown = months.slice(-18);
  const max = Math.max(1, ...shown.flatMap((m) => [m.gifts, m.bondsPaid, m.recovered]));
  const groupW = 36;
  const barW = 9;
  const h = 160;
  const monthName = (m: string) => new Date(`${m}-15T00:00:00Z`).toLocaleDateString(locale, { month: "short", year: "2-digit", timeZone: "UTC" });
  return (
    <figure className="rounded-xl border border-line bg-white p-4">
      <svg role="img" aria-label={labels.chart} viewBox={`0 0 ${shown.length * groupW + 8} ${h + 24}`} className="h-56 w-full">
        {shown.map((m, i) =>
          SERIES.map((s, j) => {
            const v = m[s.key];
            const bh = Math.round((v / max) * h);
            return <rect key={`${m.month}-${s.key}`} x={8 + i * groupW + j * barW} y={h - bh} width={barW - 1} height={bh} fill={s.color} />;
          }),
        )}
        {shown.map((m, i) => (
          <text key={m.month} x={8 + i * groupW + 13} y={h + 16} fontSize="9" textAnchor="middle" fill="#5b6573">
            {monthName(m.month)}
          </text>
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-sm">
        {SERIES.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: s.color }} />
            {labels[s.key]}
          </span>
        ))}
      </figcaption>
      <table className="mt-4 w-full text-sm">
        <thead>
          <tr className="text-left text-muted">
            <th scope="col" className="py-1">{labels.month}</th>
            <th scope="col" className="py-1 text-right">{labels.gifts}</th>
            <th scope="col" className="py-1 text-right">{labels.bondsPaid}</th>
            <th scope="col" className="py-1 text-right">{labels.recovered}</th>
          </tr>
        </thead>
        <tbody>
          {[...shown].reverse().map((m) => (
            <tr key={m.month} className="border-t border-line">
              <th scope="row" className="py-1 text-left font-normal">{monthName(m.month)}</th>
              <td className="py-1 text-right">{formatUsd(m.gifts, { wholeDollars: true })}</td>
              <td className="py-1 text-right">{formatUsd(m.bondsPaid, { wholeDollars: true })}</td>
              <td className="py-1 text-right">{formatUsd(m.recovered, { wholeDollars: true })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
