import Link from "next/link";
import type { BondDetail } from "@/lib/bonds/read-models";

/** The private facts needed to pay the bond on ICE's system: locked by default, each opening audit-logged. */
export function CaseFilePanel({ d, revealed }: { d: BondDetail; revealed: boolean }) {
  const cf = d.caseFile;
  return (
    <section
      className="rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-4"
      aria-labelledby="cf-title"
      data-testid="case-file-panel"
    >
      <h2 id="cf-title" className="flex items-center gap-2 font-semibold">
        <span className="rounded bg-amber-200 px-1.5 text-xs font-bold uppercase tracking-wide text-amber-900">
          Locked
        </span>{" "}
        Case file — private
      </h2>
      <p className="mt-1 text-xs text-amber-900">
        Visible only to the lawyer of record, treasurers and fund administrators. Every opening is recorded in the audit
        log with the purpose “bond payment”. Never copy these details into notes, email or exports.
      </p>
      {cf === "hidden" ? (
        <Link
          href={`/treasury/bonds/${d.bond.id}?caseFile=show`}
          className="mt-3 inline-block rounded-md border border-amber-500 bg-white px-3 py-1.5 text-sm font-medium"
          prefetch={false}
        >
          Show the details needed to pay this bond (logged)
        </Link>
      ) : cf === null ? (
        <p className="mt-3 text-sm">
          No case file is on record for this campaign. Ask the lawyer of record to complete it before paying.
        </p>
      ) : (
        <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted">Legal name</dt>
          <dd>{cf.legalName}</dd>
          <dt className="text-muted">A-number</dt>
          <dd className="font-mono">{cf.aNumber}</dd>
          <dt className="text-muted">Facility</dt>
          <dd>{cf.facility}</dd>
          <dt className="text-muted">Bond order</dt>
          <dd>
            {cf.bondSetBy === "judge" ? "Immigration judge" : "ICE"}, {cf.bondType.replace("_", " ")},{" "}
            {cf.bondOrderDate}
          </dd>
        </dl>
      )}
      {revealed && cf !== "hidden" ? (
        <Link href={`/treasury/bonds/${d.bond.id}`} className="mt-3 inline-block text-sm underline">
          Hide
        </Link>
      ) : null}
    </section>
  );
}
