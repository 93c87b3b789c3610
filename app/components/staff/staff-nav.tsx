import Link from "next/link";

/** The secondary navigation of a staff area, rendered by its nested layout (Account is in the header already). */
export function StaffNav({ area, links }: { area: string; links: { href: string; label: string }[] }) {
  return (
    <nav
      aria-label={`${area} navigation`}
      className="mb-6 flex flex-wrap items-center gap-1 border-b border-line pb-2 text-sm"
    >
      <span className="mr-3 rounded bg-ink px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">
        {area}
      </span>
      {links.map((l) => (
        <Link key={l.href} href={l.href} className="rounded px-2 py-1 text-ink hover:bg-brand-soft">
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
