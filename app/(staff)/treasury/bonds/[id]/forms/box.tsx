import Link from "next/link";

/** One step's panel on the bond page; `danger` outlines steps that record a loss. */
export function Box({ title, children, danger }: { title: string; children: React.ReactNode; danger?: boolean }) {
  return (
    <section className={`space-y-3 rounded-lg border bg-white p-4 ${danger ? "border-accent/50" : "border-line"}`}>
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** A step that happens on one of the bond's own pages (notices, refund recovery), as a button-like link. */
export function StepLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-block rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:opacity-90"
    >
      {children}
    </Link>
  );
}
