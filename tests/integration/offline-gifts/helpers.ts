/** Shared by the offline-gift tests: a counted snapshot of everything a refusal must leave untouched. */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

export async function writtenCounts(db: Db): Promise<Record<string, number>> {
  const [r] = rowsOf<Record<string, number | string>>(
    await db.execute(sql`SELECT
      (SELECT count(*) FROM offline_gifts)::int AS gifts,
      (SELECT count(*) FROM offline_deposits)::int AS deposits,
      (SELECT count(*) FROM journal_entries)::int AS entries,
      (SELECT count(*) FROM outbox_messages)::int AS mail,
      (SELECT count(*) FROM audit_log)::int AS audit,
      (SELECT count(*) FROM bank_statement_lines WHERE matched_kind IS NOT NULL)::int AS matched_lines,
      (SELECT count(*) FROM offline_gifts WHERE reversed_at IS NOT NULL OR deposit_id IS NOT NULL)::int AS changed`),
  );
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)]));
}

export const today = () => new Date().toISOString().slice(0, 10);

export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
