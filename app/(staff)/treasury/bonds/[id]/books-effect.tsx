import { formatUsd } from "@/lib/money";
import type { BondDetail } from "@/lib/bonds/read-models";
import type { FieldSpec } from "@/app/components/staff/action-form";

const signed = (c: number) => (c < 0 ? `−\u00a0${formatUsd(-c)}` : `+\u00a0${formatUsd(c)}`);

/** The postings a step books, account by account, in dollars and in words (what the treasurer confirms). */
export function BooksEffect({ d, step }: { d: BondDetail; step: "approve" | "pay" | "forfeit" }) {
  const b = d.bond;
  const fromCampaign = b.amountCents - b.topUpCents;
  const lines: [string, number][] =
    step === "forfeit"
      ? [
          ["Bond receivable (money held by ICE): written off", -b.amountCents],
          ["Bonds outstanding: the bond is no longer owed back", -b.amountCents],
        ]
      : [
          ["Bank: paid to ICE", -b.amountCents],
          ["Bond receivable (money held by ICE, comes back at the end)", b.amountCents],
          [`Campaign ${d.campaign.alias}* fund (holds ${formatUsd(d.campaignBalanceCents)})`, -fromCampaign],
          ...(b.topUpCents
            ? [[`General pool top-up (holds ${formatUsd(d.generalBalanceCents)})`, -b.topUpCents] as [string, number]]
            : []),
        ];
  const when =
    step === "approve"
      ? "Nothing moves when you approve. When the payment is then recorded, the books change like this:"
      : step === "pay"
        ? "Recording the payment changes the books like this:"
        : "Recording the forfeiture changes the books like this (a loss that cannot be undone except by a reversing entry):";
  return (
    <div className="rounded border border-line bg-paper p-3 text-sm" data-testid={`${step}-postings`}>
      <p>{when}</p>
      <table className="mt-2 w-full">
        <tbody>
          {lines.map(([what, cents]) => (
            <tr key={what} className="border-t border-line">
              <td className="py-1 pr-2">{what}</td>
              <td className="whitespace-nowrap py-1 text-right font-semibold tabular-nums">{signed(cents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const confirmField = (what: string): FieldSpec => ({
  name: "confirm",
  label: `I have read what this changes in the books and confirm: ${what}.`,
  type: "checkbox",
});
