/**
 * A bank line deposits recorded offline gifts (one deposit may carry several
 * checks): booked when the treasurer matches the line to them. Money changes
 * place, not purpose: no fund moves.
 *
 *   bank                debit  line amount (= the gifts' sum)
 *   undeposited_funds   credit line amount
 */
import { UNDEPOSITED } from "../accounts";
import type { EntryInput } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function depositEntry(meta: EntryMeta, amountCents: number): EntryInput {
  return {
    ...meta,
    kind: "deposit",
    debits: [{ account: "bank", amount: amountCents }],
    credits: [{ account: UNDEPOSITED, amount: amountCents }],
  };
}
