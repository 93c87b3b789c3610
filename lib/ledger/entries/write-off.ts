/**
 * write_off — when: a bond is forfeited (ICE keeps the principal after an
 * I-323 and no successful appeal). Means: the bond receivable is closed; the
 * part the allowance already provided for is charged to the allowance (no new
 * loss — it was recognised when provided), and any part beyond it is a
 * forfeiture loss now, from the bonds-outstanding net assets. Pure: returns the
 * entries to post (the write-off, the forfeiture, or both).
 */
import { bondAccount } from "../accounts";
import type { EntryInput } from "../entry-input";

export interface BondWriteOff {
  bondId: string;
  campaignId: string;
  /** What is still receivable on the bond (its ledger balance). */
  receivableCents: number;
  /** bond_allowance's balance now. */
  allowanceCents: number;
  at: Date;
}

export function writeOffEntries(w: BondWriteOff): EntryInput[] {
  const covered = Math.min(w.receivableCents, Math.max(0, w.allowanceCents));
  const rest = w.receivableCents - covered;
  const refs = { bond: w.bondId };
  const out: EntryInput[] = [];
  if (covered > 0)
    out.push({
      idempotencyKey: `bond-writeoff:${w.bondId}`,
      kind: "write_off",
      campaignId: w.campaignId,
      refs,
      effectiveAt: w.at,
      memo: "Forfeited bond written off against the allowance",
      debits: [{ account: "bond_allowance", amount: covered }],
      credits: [{ account: bondAccount(w.bondId), amount: covered }],
    });
  if (rest > 0)
    out.push({
      // The same key as before the allowance existed: a fund with no allowance books exactly what it did.
      idempotencyKey: `bond-forfeit:${w.bondId}`,
      kind: "forfeiture",
      campaignId: w.campaignId,
      refs,
      effectiveAt: w.at,
      debits: [{ account: "bonds_outstanding", amount: rest }],
      credits: [{ account: bondAccount(w.bondId), amount: rest }],
    });
  return out;
}
