import Link from "next/link";

const NAV = [
  { href: "/treasury", label: "Overview" },
  { href: "/treasury/bonds", label: "Bonds" },
  { href: "/treasury/ledger?account=general", label: "Ledger" },
  { href: "/treasury/rates", label: "Interest rates" },
  { href: "/treasury/gifts", label: "Gifts" },
  { href: "/treasury/offline-gifts", label: "Offline gifts" },
  { href: "/treasury/reconciliation", label: "Reconciliation" },
  { href: "/treasury/reports", label: "Reports" },
  { href: "/treasury/receipts", label: "Receipts" },
];

// Navigation only: every page checks the principal itself (layouts do not re-run on client navigation).
export default function TreasuryLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="-mt-4">
      <nav aria-label="Treasury" className="mb-6 flex flex-wrap gap-1 border-b border-line pb-2 text-sm">
        <span className="mr-3 font-semibold text-muted">Treasury</span>
        {NAV.map((n) => (
          <Link key={n.href} href={n.href} className="rounded px-2 py-1 text-ink hover:bg-brand-soft">
            {n.label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
