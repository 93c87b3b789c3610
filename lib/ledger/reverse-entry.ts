/** Corrections never edit history: a reversing entry mirrors the original's postings and points at it. */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { journalEntries, ledgerPostings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { writeEntry, type PostResult } from "./post-entry";

export interface ReverseInput {
  entryId: number;
  idempotencyKey: string;
  memo: string;
}

export async function reverseEntry(db: Db, input: ReverseInput): Promise<PostResult> {
  if (!Number.isSafeInteger(input.entryId) || input.entryId <= 0) {
    throw new AppError("validation", "entryId must be a positive integer.");
  }
  const key = input.idempotencyKey.trim();
  if (!key || key.length > 255)
    throw new AppError("validation", "A reversal needs an idempotency key of 1–255 characters.");
  const [original] = await db.select().from(journalEntries).where(eq(journalEntries.id, input.entryId));
  if (!original) throw new AppError("not_found", `Journal entry #${input.entryId} does not exist.`);
  if (original.reversesEntryId !== null) {
    throw new AppError(
      "validation",
      `Entry #${input.entryId} is itself a reversal; post a new entry instead of reversing it.`,
    );
  }
  const [prior] = await db
    .select({ id: journalEntries.id, key: journalEntries.idempotencyKey })
    .from(journalEntries)
    .where(eq(journalEntries.reversesEntryId, original.id));
  if (prior && prior.key !== key) {
    throw new AppError("already_reversed", `Entry #${original.id} was already reversed by entry #${prior.id}.`);
  }
  const postings = await db
    .select({ account: ledgerPostings.accountCode, amount: ledgerPostings.amount })
    .from(ledgerPostings)
    .where(eq(ledgerPostings.entryId, input.entryId));
  return writeEntry(
    db,
    {
      idempotencyKey: key,
      kind: original.kind,
      memo: input.memo.slice(0, 500),
      campaignId: original.campaignId ?? undefined,
      refs: { reverses: String(original.id) },
      postings: postings.map((p) => ({ account: p.account, amount: -p.amount })),
    },
    original.id,
  );
}
