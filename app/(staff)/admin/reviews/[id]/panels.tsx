import type { CaseFile } from "@/lib/case-files/input";
import { LockIcon } from "@/app/components/staff/lock-icon";
import { formatUsd } from "@/lib/money";

type PublicText = { alias: string; region: string; summary: string; story: string; detentionMonth: string | null };

export function PublicTextPanel({ title, text, muted }: { title: string; text: PublicText; muted?: boolean }) {
  return (
    <section
      className={`rounded-lg border-2 p-4 ${muted ? "border-line bg-paper" : "border-brand bg-white"}`}
      data-testid="proposed-text"
    >
      <h2 className="mb-2 font-semibold">{title}</h2>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">Alias</dt>
        <dd>{text.alias}*</dd>
        <dt className="text-muted">Region</dt>
        <dd>{text.region}</dd>
        <dt className="text-muted">Detained</dt>
        <dd>{text.detentionMonth ?? "—"}</dd>
        <dt className="text-muted">Summary</dt>
        <dd>{text.summary}</dd>
        <dt className="text-muted">Story</dt>
        <dd className="whitespace-pre-wrap">{text.story}</dd>
      </dl>
    </section>
  );
}

export function CaseFilePanel({ cf }: { cf: CaseFile }) {
  const rows: [string, string][] = [
    ["Legal name", cf.legalName],
    ["A-number", cf.aNumber.padStart(9, "0").replace(/^(\d{3})(\d{3})(\d{3})$/, "A$1-$2-$3")],
    ["Date of birth", cf.dateOfBirth],
    ["Country of birth", cf.countryOfBirth],
    ["Facility", cf.facility],
    [
      "Bond",
      `${formatUsd(cf.bondAmountCents)} ${cf.bondType.replace("_", " ")}, set by ${cf.bondSetBy === "ice" ? "ICE" : "a judge"} on ${cf.bondOrderDate}`,
    ],
    ["Release address", cf.releaseAddress || "—"],
    ["Release phone", cf.releasePhone || "—"],
    ["Consents", `publication and story, ${cf.consentDate}`],
  ];
  return (
    <section className="rounded-lg border-2 border-dashed border-ink/40 bg-[#eef0f3] p-4" data-testid="case-file">
      <h2 className="mb-1 flex items-center gap-2 font-semibold">
        <LockIcon /> Private case file
      </h2>
      <p className="mb-2 text-xs text-muted">
        Encrypted; visible only to the lawyer of record and the fund&apos;s treasurers and administrators. This read was
        recorded in the audit log.
      </p>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
