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

/**
 * The bank took back a deposited check it could not collect (a returned
 * item): the money goes back to undeposited funds, where the returned gift
 * then leaves it (offlineGiftReturnedEntry). Booked when the treasurer
 * matches the bank's withdrawal line to the gift.
 *
 *   undeposited_funds   debit  the check's amount
 *   bank                credit the check's amount
 */
export function depositReturnedEntry(meta: EntryMeta, amountCents: number): EntryInput {
  return {
    ...meta,
    kind: "deposit",
    debits: [{ account: UNDEPOSITED, amount: amountCents }],
    credits: [{ account: "bank", amount: amountCents }],
  };
}
