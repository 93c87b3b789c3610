/**
 * allowance_adjustment — when: the treasurer applies the fund's allowance policy
 * (a percentage of the money at ICE by age, or a judgement per bond), at any
 * time and typically at each month or year end. Means: the fund now expects
 * `target` cents of its bond receivable not to come back. The contra-asset
 * bond_allowance moves to `target`; the difference is a provision for
 * uncollectible bonds (a loss on the statement of activity) taken from the
 * bonds-outstanding net assets, or a recovery of one when the target falls.
 * Pure: returns the entry to post, or null when nothing changes.
 */
import type { EntryInput } from "../entry-input";

export interface AllowanceAdjustment {
  /** The allowance the policy asks for now, in cents (≥ 0, ≤ the receivable). */
  targetCents: number;
  /** bond_allowance's balance now. */
  currentCents: number;
  /** The day the policy was applied (YYYY-MM-DD). */
  asOf: string;
  /** bond_allowance's ledger version now: with the balances it makes the key name one move from one state. */
  version: number;
  memo?: string;
}

export function allowanceAdjustmentEntry(a: AllowanceAdjustment): EntryInput | null {
  const delta = a.targetCents - a.currentCents;
  if (delta === 0) return null;
  const up = delta > 0;
  const amount = Math.abs(delta);
  return {
    // The key names the move from one state of the account: a retry is a replay, not a second provision.
    idempotencyKey: `allowance:v${a.version}:${a.currentCents}->${a.targetCents}`,
    kind: "allowance_adjustment",
    memo: a.memo ?? (up ? "Provision for bonds not expected back" : "Allowance released: fewer bonds at risk"),
    effectiveAt: new Date(`${a.asOf}T12:00:00Z`),
    debits: [{ account: up ? "bonds_outstanding" : "bond_allowance", amount }],
    credits: [{ account: up ? "bond_allowance" : "bonds_outstanding", amount }],
  };
}
