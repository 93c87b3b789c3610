/**
 * A treasurer corrects the recorded payment date of a bond (lib/bonds/date-correction.ts).
 * History is never edited: the payment entry in force is reversed (reverse-entry.ts), and this
 * entry books the very same postings again, effective on the corrected day, pointing at the
 * entry it corrects. The kind stays `bond_payment`, so the books read as one payment.
 *
 *   (each posting of the original)   debit/credit as before, effective on the corrected day
 */
import type { AccountCode } from "../accounts";
import type { EntryInput } from "../entry-input";

export interface BondPaymentInForce {
  id: number;
  campaignId: string | null;
  refs: Record<string, string>;
  /** Signed cents: debit positive, credit negative. */
  postings: { account: AccountCode; amount: number }[];
}

export function bondPaymentCorrectionEntry(
  original: BondPaymentInForce,
  correction: { idempotencyKey: string; day: string },
): EntryInput {
  return {
    idempotencyKey: correction.idempotencyKey,
    kind: "bond_payment",
    campaignId: original.campaignId ?? undefined,
    refs: { ...original.refs, corrects: String(original.id) },
    effectiveAt: new Date(`${correction.day}T12:00:00Z`),
    memo: `Payment date corrected to ${correction.day}`,
    debits: original.postings.filter((p) => p.amount > 0).map((p) => ({ account: p.account, amount: p.amount })),
    credits: original.postings.filter((p) => p.amount < 0).map((p) => ({ account: p.account, amount: -p.amount })),
  };
}
