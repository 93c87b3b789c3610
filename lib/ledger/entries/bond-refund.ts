/**
 * ICE refunds a cancelled bond (after the I-391 and the refund claim). The
 * principal comes back to the bank and closes the receivable; on the fund side
 * it leaves `bonds_outstanding` and is recycled into the general pool (the
 * campaign's purpose is fulfilled). Interest above the principal is a separate
 * entry (interest.ts); a refund below the principal books the shortfall as a
 * forfeiture (forfeiture.ts).
 *
 *   bank                debit  principal
 *   bonds_outstanding   debit  principal
 *   bond:<id>           credit principal
 *   general             credit principal
 */
import { bondAccount } from "../accounts";
import type { EntryInput } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function bondRefundEntry(meta: EntryMeta, bondId: string, principalCents: number): EntryInput {
  return {
    ...meta,
    kind: "bond_refund",
    debits: [
      { account: "bank", amount: principalCents },
      { account: "bonds_outstanding", amount: principalCents },
    ],
    credits: [
      { account: bondAccount(bondId), amount: principalCents },
      { account: "general", amount: principalCents },
    ],
  };
}
