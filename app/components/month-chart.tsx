/**
 * A server-rendered grouped bar chart by month (no client JavaScript), with the
 * same numbers in a table for screen readers and anyone who prefers one. Used
 * by the public transparency pages and the treasury reports.
 */
import { formatMoney } from "@/lib/money";

const PALETTE = ["#1f5f5b", "#b4572e", "#6b7fa8", "#8a6d1f"];

export interface ChartSeries<K extends string> {
  key: K;
  label: string;
  color?: string;
}

type Row<K extends string> = { month: string } & Record<K, number>;

interface Props<K extends string> {
  rows: Row<K>[];
  series: ChartSeries<K>[];
  /** Describes the chart to assistive technology (the svg's accessible name). */
  label: string;
  monthLabel: string;
  locale: string;
  /** Money in cents (whole dollars shown) or plain counts. */
  unit?: "usd" | "count";
  testId?: string;
}

export function MonthChart<K extends string>({
  rows,
  series,
  label,
  monthLabel,
  locale,
  unit = "usd",
  testId,
}: Props<K>) {
  const shown = rows.slice(-18);
  const colored = series.map((s, i) => ({ ...s, color: s.color ?? PALETTE[i % PALETTE.length]! }));
  const max = Math.max(1, ...shown.flatMap((m) => colored.map((s) => m[s.key])));
  const barW = 9;
  const groupW = Math.max(36, colored.length * barW + 9);
  const h = 160;
  const fmt = (v: number) => (unit === "usd" ? formatMoney(v, locale) : v.toLocaleString(locale));
  const monthName = (m: string) =>
    new Date(`${m}-15T00:00:00Z`).toLocaleDateString(locale, { month: "short", year: "2-digit", timeZone: "UTC" });
  return (
    <figure className="rounded-xl border border-line bg-white p-4" data-testid={testId}>
      <svg role="img" aria-label={label} viewBox={`0 0 ${shown.length * groupW + 8} ${h + 24}`} className="h-56 w-full">
        {shown.map((m, i) =>
          colored.map((s, j) => {
            const bh = Math.round((Math.max(0, m[s.key]) / max) * h);
            return (
              <rect
                key={`${m.month}-${s.key}`}
                x={8 + i * groupW + j * barW}
                y={h - bh}
                width={barW - 1}
                height={bh}
                fill={s.color}
              />
            );
          }),
        )}
        {shown.map((m, i) => (
          <text
            key={m.month}
            x={8 + i * groupW + (colored.length * barW) / 2}
            y={h + 16}
            fontSize="9"
            textAnchor="middle"
            fill="#5b6573"
          >
            {monthName(m.month)}
          </text>
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-sm">
        {colored.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
      <table className="mt-4 w-full text-sm">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr className="text-left text-muted">
            <th scope="col" className="py-1">
              {monthLabel}
            </th>
            {colored.map((s) => (
              <th key={s.key} scope="col" className="py-1 text-right">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {/* The chart keeps every month on its time scale; the table lists the months with any money. */}
          {[...shown]
            .reverse()
            .filter((m) => colored.some((s) => m[s.key] !== 0))
            .map((m) => (
              <tr key={m.month} className="border-t border-line">
                <th scope="row" className="py-1 text-left font-normal">
                  {monthName(m.month)}
                </th>
                {colored.map((s) => (
                  <td key={s.key} className="py-1 text-right tabular-nums">
                    {fmt(m[s.key])}
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
