import Link from "next/link";
import { formatUsd } from "@/lib/money";

/** A money figure that opens the ledger entries behind it (UX.md: every figure links to its entries). */
export function MoneyLink({ cents, account, className = "" }: { cents: number; account: string; className?: string }) {
  return (
    <Link
      href={`/treasury/ledger?account=${encodeURIComponent(account)}`}
      className={`tabular-nums underline decoration-line underline-offset-2 hover:decoration-brand ${className}`}
    >
      {formatUsd(cents)}
    </Link>
  );
}

export function Usd({ cents }: { cents: number }) {
  return <span className="tabular-nums">{formatUsd(cents)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const tone = ["forfeited", "breached", "appealed"].includes(status)
    ? "bg-red-50 text-red-800 border-red-200"
    : ["refunded"].includes(status)
      ? "bg-green-50 text-green-800 border-green-200"
      : ["requested", "approved"].includes(status)
        ? "bg-amber-50 text-amber-900 border-amber-200"
        : "bg-brand-soft text-brand border-brand/20";
  return (
    <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${tone}`}>
      {status.replace("_", " ")}
    </span>
  );
}
