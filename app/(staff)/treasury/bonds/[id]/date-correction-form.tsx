import { ActionForm } from "@/app/components/staff/action-form";
import { CORRECTABLE, type CorrectableDate } from "@/lib/bonds/date-correction";
import type { BondDetail } from "@/lib/bonds/read-models";
import { bondAction } from "./actions";

/** Correcting a recorded date is its own action, with a reason, audited (lib/bonds/date-correction.ts). */
export function DateCorrectionForm({ d }: { d: BondDetail }) {
  const recorded = (Object.keys(CORRECTABLE) as CorrectableDate[]).filter((k) => d.bond[k]);
  if (!d.me.isTreasurer || !recorded.length) return null;
  return (
    <details className="rounded-lg border border-line bg-white p-4 text-sm" data-testid="date-correction">
      <summary className="cursor-pointer font-semibold">Correct a recorded date</summary>
      <p className="mt-2 text-muted">
        For a date typed wrong. The bond&apos;s dates must stay in order; the audit log keeps the old and new date and
        your reason. A corrected payment date also moves the payment in the books (the original entry is reversed).
      </p>
      <ActionForm
        action={bondAction.bind(null, d.bond.id, "correctDate")}
        submitLabel="Correct the date"
        testId="form-correct-date"
        className="mt-3 space-y-3"
        fields={[
          {
            name: "field",
            label: "Date to correct",
            type: "select",
            options: recorded.map((k) => ({ value: k, label: `${CORRECTABLE[k].label} (now ${d.bond[k]})` })),
          },
          { name: "date", label: "Correct date", type: "date" },
          { name: "reason", label: "Why (kept in the audit log; no names or numbers from the case file)" },
        ]}
      />
    </details>
  );
}
