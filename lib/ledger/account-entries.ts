/** The journal entries behind a balance: every entry touching one account, newest first, with all its postings. */
import { and, count, desc, eq, inArray, like } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { journalEntries, ledgerAccounts, ledgerPostings } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { accountCodeSchema } from "@/lib/ledger/accounts";
import { parseOrThrow } from "@/lib/validation";
import { requireTreasuryReader } from "@/lib/auth/treasury-reader";

const LEDGER_PAGE_SIZE = 25;

const querySchema = z.object({
  // "bond:*" is every bond receivable together (the dashboard's "bonds at ICE").
  account: z.union([z.literal("bond:*"), accountCodeSchema]),
  page: z.coerce.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(100_000).default(1),
});

export interface LedgerRow {
  entryId: number;
  kind: string;
  memo: string;
  effectiveAt: Date;
  /** Signed on the account's normal side: + increases its balance. */
  amountCents: number;
  balanceAfterCents: number | null;
  others: { account: string; amountCents: number }[];
}

export async function accountEntries(
  db: Db,
  actor: Principal | null,
  input: unknown,
): Promise<{ account: string; balanceCents: number; rows: LedgerRow[]; page: number; pages: number; total: number }> {
  requireTreasuryReader(actor);
  const q = parseOrThrow(querySchema, input);
  const many = q.account === "bond:*";
  const onAccount = many ? like(ledgerPostings.accountCode, "bond:%") : eq(ledgerPostings.accountCode, q.account);
  const [acct] = many
    ? [{ balance: 0, normalSign: 1 }]
    : await db
        .select({ balance: ledgerAccounts.balance, normalSign: ledgerAccounts.normalSign })
        .from(ledgerAccounts)
        .where(eq(ledgerAccounts.code, q.account));
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(ledgerPostings).where(onAccount);
  const mine = await db
    .select({
      entryId: journalEntries.id,
      kind: journalEntries.kind,
      memo: journalEntries.memo,
      effectiveAt: journalEntries.effectiveAt,
      amount: ledgerPostings.amount,
      balanceAfter: ledgerPostings.balanceAfter,
      code: ledgerPostings.accountCode,
    })
    .from(ledgerPostings)
    .innerJoin(journalEntries, eq(journalEntries.id, ledgerPostings.entryId))
    .where(onAccount)
    .orderBy(desc(journalEntries.effectiveAt), desc(journalEntries.id))
    .limit(LEDGER_PAGE_SIZE)
    .offset((q.page - 1) * LEDGER_PAGE_SIZE);
  const ids = mine.map((r) => r.entryId);
  const all = ids.length
    ? await db
        .select({ entryId: ledgerPostings.entryId, code: ledgerPostings.accountCode, amount: ledgerPostings.amount })
        .from(ledgerPostings)
        .where(and(inArray(ledgerPostings.entryId, ids)))
    : [];
  const sign = acct?.normalSign ?? 1;
  const rows = mine.map((r) => ({
    entryId: r.entryId,
    kind: r.kind,
    memo: r.memo,
    effectiveAt: r.effectiveAt,
    amountCents: r.amount * (r.code.startsWith("bond:") ? 1 : sign),
    balanceAfterCents: many ? null : r.balanceAfter,
    others: all
      .filter((p) => p.entryId === r.entryId && p.code !== r.code)
      .map((p) => ({ account: p.code, amountCents: p.amount })),
  }));
  const bondTotal = many
    ? (
        await db.select({ b: ledgerAccounts.balance }).from(ledgerAccounts).where(like(ledgerAccounts.code, "bond:%"))
      ).reduce((s, r) => s + r.b, 0)
    : 0;
  return {
    account: q.account,
    balanceCents: many ? bondTotal : (acct?.balance ?? 0),
    rows,
    page: q.page,
    pages: Math.max(1, Math.ceil(n / LEDGER_PAGE_SIZE)),
    total: n,
  };
}
