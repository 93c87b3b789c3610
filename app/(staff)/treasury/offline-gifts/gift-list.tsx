import { ActionForm } from "@/app/components/staff/action-form";
import { TextField } from "@/app/components/staff/fields";
import type { GiftState, OfflineGiftRow } from "@/lib/offline-gifts/queries";
import { METHOD_LABELS } from "@/lib/offline-gifts/input";
import { Usd } from "../components/money";
import { reverseOfflineGiftAction } from "./actions";

/** Badge colours with enough contrast (the same tones as the treasury's StatusBadge). */
const STATE_TONE: Record<GiftState["kind"], string> = {
  undeposited: "border border-amber-200 bg-amber-50 text-amber-900",
  deposited: "border border-green-200 bg-green-50 text-green-800",
  reversed: "border border-gray-300 bg-gray-100 text-gray-800",
  returned: "border border-red-200 bg-red-50 text-red-800",
};

export function stateText(s: GiftState): string {
  if (s.kind === "deposited") return `deposited on ${s.on}`;
  if (s.kind === "reversed") return `reversed on ${s.on}`;
  if (s.kind === "returned") return `returned by the bank, recorded ${s.on}`;
  return "undeposited";
}

/** One card per gift (readable on a phone): who, how much, for what, and its state; undeposited ones can be reversed. */
export function GiftList({ gifts }: { gifts: OfflineGiftRow[] }) {
  if (!gifts.length) return <p className="text-sm text-muted">None recorded yet.</p>;
  return (
    <ul className="divide-y divide-line" data-testid="offline-gifts">
      {gifts.map((g) => (
        <li key={g.id} className="py-3 text-sm" data-testid="offline-gift">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-medium">
              <Usd cents={g.amountCents} /> · {METHOD_LABELS[g.method]}
              {g.reference ? ` ${g.reference}` : ""} · {g.donorName}
            </span>
            <span
              className={`rounded px-2 py-0.5 text-xs font-semibold ${STATE_TONE[g.state.kind]}`}
              data-testid="offline-gift-state"
            >
              {stateText(g.state)}
            </span>
          </div>
          <p className="mt-1 text-xs text-muted">
            Received {g.receivedOn} · {g.alias ? `Campaign ${g.alias}*` : "General pool"}
            {g.onWall ? " · name on the wall (after review)" : ""}
            {g.email ? ` · receipt to ${g.email}` : " · no email, no receipt"}
          </p>
          {g.state.kind === "undeposited" ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-xs text-brand underline">Reverse (recorded by mistake)</summary>
              <ActionForm
                action={reverseOfflineGiftAction.bind(null, g.id)}
                submitLabel="Reverse this gift"
                danger
                className="mt-2 max-w-md space-y-2"
              >
                <TextField name="reason" label="Why" hint="For example: amount typed wrong." />
              </ActionForm>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
