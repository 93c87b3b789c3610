/**
 * Prints postings as a small table (account | debit | credit), so a golden
 * test shows a change in the books as a readable diff in review. Ids are
 * replaced by names (`campaign:<A>`), so the text does not depend on UUIDs.
 */
import { validateEntry, type EntryInput } from "@/lib/ledger/entry-input";

export interface PrintedPosting {
  account: string;
  /** Signed cents: debit positive, credit negative. */
  amount: number;
}

const dollars = (c: number) => (c / 100).toFixed(2);

export function postingsTable(title: string, postings: PrintedPosting[], names: Record<string, string> = {}): string {
  const rename = (code: string) => Object.entries(names).reduce((s, [id, name]) => s.replaceAll(id, `<${name}>`), code);
  // Debits first, then credits, each by account: the database stores postings in apply order.
  const sorted = [...postings].sort(
    (a, b) => Math.sign(b.amount) - Math.sign(a.amount) || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0),
  );
  const rows = sorted.map((p) => [
    rename(p.account),
    p.amount > 0 ? dollars(p.amount) : "",
    p.amount < 0 ? dollars(-p.amount) : "",
  ]);
  const all = [["account", "debit", "credit"], ...rows];
  const width = [0, 1, 2].map((i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    `${r[0]!.padEnd(width[0]!)} | ${r[1]!.padStart(width[1]!)} | ${r[2]!.padStart(width[2]!)}`.trimEnd();
  return [rename(title), ...all.map(line)].join("\n");
}

/** A built entry, validated as postEntry would (balanced, known accounts), printed as a table. */
export function entryTable(entry: EntryInput, names: Record<string, string> = {}): string {
  const valid = validateEntry(entry);
  return postingsTable(`${valid.kind} ${valid.idempotencyKey}`, valid.postings, names);
}
