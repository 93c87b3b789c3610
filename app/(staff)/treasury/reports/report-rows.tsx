import Link from "next/link";
import { formatUsd } from "@/lib/money";

/** Label | amount rows of a report; an amount with a link opens that account's ledger. */
export function Rows({ rows }: { rows: [string, number, string?][] }) {
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
