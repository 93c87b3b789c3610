/** Import a bank statement (de-duplicated on re-import) and match its lines to payouts, bond payments and bond refunds. */
import { isNull, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { bankImports, bankStatementLines } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { parseBankCsv } from "./bank-csv";

export interface ImportSummary {
  lines: number;
  added: number;
  duplicates: number;
  matched: number;
}

/**
 * The file is parsed and checked whole before anything is written (a bad line
 * writes nothing). Lines are then written in batches of 500, each committed on
 * its own so progress can be read while the import runs; an import cut short
 * keeps the batches it wrote, and importing the file again adds only the rest
 * (lines are de-duplicated by fingerprint). Matching runs once at the end.
 */
export async function importBankCsv(
  db: Db,
  actor: Principal | null,
  file: { name: string; text: string },
  opts: { onProgress?: (done: number, total: number) => unknown; parsed?: ReturnType<typeof parseBankCsv> } = {},
): Promise<ImportSummary> {
  const me = requireRole(actor, "treasurer");
  const lines = opts.parsed ?? parseBankCsv(file.text);
  const [imp] = await db
    .insert(bankImports)
    .values({ fileName: file.name.slice(0, 200), lines: lines.length, added: 0, importedBy: me.userId })
    .returning({ id: bankImports.id });
  let added = 0;
  for (let i = 0; i < lines.length; i += BATCH) {
    const chunk = lines.slice(i, i + BATCH).map((l) => ({ ...l, importId: imp!.id }));
    added += await db.transaction(
      async (tx) =>
        (
          await tx
            .insert(bankStatementLines)
            .values(chunk)
            .onConflictDoNothing({ target: bankStatementLines.fingerprint })
            .returning({ id: bankStatementLines.id })
        ).length,
    );
    await opts.onProgress?.(Math.min(i + BATCH, lines.length), lines.length);
  }
  return db.transaction(async (tx) => {
    await tx
      .update(bankImports)
      .set({ added })
      .where(sql`id = ${imp!.id}`);
    const matched = await matchBankLines(tx);
    await audit(tx, {
      actorUserId: me.userId,
      action: "bank.imported",
      subjectType: "bank_import",
      subjectId: imp!.id,
      details: { lines: lines.length, added, matched },
    });
    return { lines: lines.length, added, duplicates: lines.length - added, matched };
  });
}

const BATCH = 500;

const WINDOW_DAYS = { payout: 3, bond_payment: 3, bond_refund: 7 } as const;

interface Candidate {
  kind: keyof typeof WINDOW_DAYS;
  ref: string;
  amount: number;
  day: number;
}

const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/** Greedy one-to-one matching by signed amount within a date window; returns how many lines it matched. */
async function matchBankLines(tx: Db): Promise<number> {
  const open = await tx
    .select()
    .from(bankStatementLines)
    .where(isNull(bankStatementLines.matchedKind))
    .orderBy(bankStatementLines.postedOn);
  if (!open.length) return 0;
  const candidates = rowsOf<{ kind: Candidate["kind"]; ref: string; amount: string | number; on: string }>(
    await tx.execute(sql`
      SELECT 'payout' AS kind, id AS ref, amount_cents AS amount, to_char(arrival_date, 'YYYY-MM-DD') AS on FROM stripe_payouts WHERE status = 'paid' AND arrival_date IS NOT NULL
      UNION ALL SELECT 'bond_payment', id::text, -amount_cents, paid_on::text FROM bonds WHERE paid_on IS NOT NULL
      UNION ALL SELECT 'bond_refund', id::text, refund_received_cents, refunded_on::text FROM bonds WHERE refunded_on IS NOT NULL`),
  );
  const taken = new Set(
    rowsOf<{ ref: string }>(
      await tx.execute(sql`SELECT matched_ref AS ref FROM bank_statement_lines WHERE matched_ref IS NOT NULL`),
    ).map((r) => r.ref),
  );
  const pool: Candidate[] = candidates
    .filter((c) => !taken.has(c.ref))
    .map((c) => ({ kind: c.kind, ref: c.ref, amount: Number(c.amount), day: dayOf(c.on) }));
  let matched = 0;
  for (const line of open) {
    const d = dayOf(line.postedOn);
    const i = pool.findIndex((c) => c.amount === line.amountCents && Math.abs(c.day - d) <= WINDOW_DAYS[c.kind]);
    if (i < 0) continue;
    const [c] = pool.splice(i, 1);
    await tx.execute(
      sql`UPDATE bank_statement_lines SET matched_kind = ${c!.kind}, matched_ref = ${c!.ref} WHERE id = ${line.id}`,
    );
    matched++;
  }
  return matched;
}
