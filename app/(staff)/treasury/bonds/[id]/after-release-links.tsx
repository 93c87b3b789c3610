/** One line on the bond page: where the after-release work happens (notices, obligor, refund recovery). */
import Link from "next/link";

export function AfterReleaseLinks({ bondId }: { bondId: string }) {
  const base = `/treasury/bonds/${bondId}`;
  return (
    <nav aria-label="After the bond is paid" className="flex flex-wrap gap-2 text-sm" data-testid="after-release-links">
      <Link
        href={`${base}/notices`}
        className="rounded-md border border-line bg-white px-3 py-1.5 font-semibold text-brand"
      >
        ICE notices &amp; deadlines
      </Link>
      <Link
        href={`${base}/obligor`}
        className="rounded-md border border-line bg-white px-3 py-1.5 font-semibold text-brand"
      >
        Obligor of record
      </Link>
      <Link
        href={`${base}/recovery`}
        className="rounded-md border border-line bg-white px-3 py-1.5 font-semibold text-brand"
      >
        Refund recovery
      </Link>
    </nav>
  );
}
