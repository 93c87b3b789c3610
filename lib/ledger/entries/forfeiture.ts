/**
 * A loss at ICE: the bond is forfeited after a breach (I-323) that was not
 * reinstated, or ICE refunded less than the principal (the shortfall). The
 * receivable at ICE is written off and the fund-side hold goes with it; no
 * cash moves (it left when the bond was paid).
 *
 *   bonds_outstanding   debit  lost amount
 *   bond:<id>           credit lost amount
 */
import { bondAccount } from "../accounts";
import type { EntryInput } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function forfeitureEntry(meta: EntryMeta, bondId: string, lostCents: number): EntryInput {
  return {
    ...meta,
    kind: "forfeiture",
    debits: [{ account: "bonds_outstanding", amount: lostCents }],
    credits: [{ account: bondAccount(bondId), amount: lostCents }],
  };
}
