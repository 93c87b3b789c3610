/**
 * What every entry builder takes besides its amounts: the caller's
 * idempotency key and the entry's labels. The caller owns the key (it names
 * the outside event that makes the entry happen at most once) and all I/O;
 * a builder only turns plain values into debits and credits.
 */
import type { EntryInput, EntryLine } from "../entry-input";

export type EntryMeta = Pick<EntryInput, "idempotencyKey" | "memo" | "campaignId" | "refs" | "effectiveAt">;

/** Sum lines by account so one account appears once per entry; drops zero lines. */
export function mergeLines(lines: EntryLine[]): EntryLine[] {
  const by = new Map<EntryLine["account"], number>();
  for (const l of lines) by.set(l.account, (by.get(l.account) ?? 0) + Number(l.amount));
  return [...by].filter(([, a]) => a > 0).map(([account, amount]) => ({ account, amount }));
}

export function totalOf(lines: EntryLine[]): number {
  return lines.reduce((s, l) => s + Number(l.amount), 0);
}
