/**
 * A treasurer's manual entry outside the business events above: an opening
 * balance (money the fund held before OpenBond, e.g. bank → general) or a
 * correction approved by the fund's accountant. Prefer a reversal
 * (reverse-entry.ts) to undo a wrong entry; an adjustment should say why in
 * its memo.
 *
 *   the given debits and credits, which must balance
 */
import type { EntryInput, EntryLine } from "../entry-input";
import type { EntryMeta } from "./entry-meta";

export function adjustmentEntry(meta: EntryMeta, debits: EntryLine[], credits: EntryLine[]): EntryInput {
  return { ...meta, kind: "adjustment", debits, credits };
}
