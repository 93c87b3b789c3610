/** The shape of a journal entry request, validated before anything touches the database. */
import { z } from "zod";
import { ENTRY_KINDS } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { cents, formatUsd, type Cents } from "@/lib/money";
import { accountCodeSchema, type AccountCode } from "./accounts";
import type { SignedPosting } from "./content-hash";

const line = z.object({ account: accountCodeSchema, amount: z.unknown() });

const entryInputSchema = z.object({
  idempotencyKey: z
    .string()
    .trim()
    .min(1, "An idempotency key is required.")
    .max(255, "Idempotency key is longer than 255 characters."),
  kind: z.enum(ENTRY_KINDS, { error: (i) => `Unknown entry kind "${String(i.input).slice(0, 40)}".` }),
  memo: z.string().max(500, "Memo is longer than 500 characters.").default(""),
  campaignId: z.uuid("campaignId must be a UUID.").optional(),
  refs: z.record(z.string(), z.string().max(255)).default({}),
  effectiveAt: z.date().optional(),
  debits: z.array(line).min(1, "An entry needs at least one debit."),
  credits: z.array(line).min(1, "An entry needs at least one credit."),
});

export interface EntryLine {
  account: AccountCode;
  amount: Cents | number;
}

export interface EntryInput {
  idempotencyKey: string;
  kind: (typeof ENTRY_KINDS)[number];
  memo?: string;
  campaignId?: string;
  refs?: Record<string, string>;
  effectiveAt?: Date;
  debits: EntryLine[];
  credits: EntryLine[];
}

export type ValidEntry = Omit<z.infer<typeof entryInputSchema>, "debits" | "credits"> & { postings: SignedPosting[] };

/** Validate and turn debits/credits into signed postings; throws a specific AppError. */
export function validateEntry(input: unknown): ValidEntry {
  const parsed = entryInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` (${issue.path.join(".")})` : "";
    const code = issue.message.startsWith("Unknown ledger account") ? "unknown_account" : "validation";
    throw new AppError(code, `${issue.message}${where}`);
  }
  const { debits, credits, ...rest } = parsed.data;
  const key = rest.idempotencyKey;
  const amountOf = (l: { amount: unknown }, i: number, side: string) =>
    cents(l.amount, { allowZero: false, field: `${side}[${i}].amount of entry ${key}` });
  const postings: SignedPosting[] = [
    ...debits.map((l, i) => ({ account: l.account, amount: amountOf(l, i, "debits") })),
    ...credits.map((l, i) => ({ account: l.account, amount: -amountOf(l, i, "credits") })),
  ];
  const totalDebits = postings.filter((p) => p.amount > 0).reduce((s, p) => s + p.amount, 0);
  const totalCredits = -postings.filter((p) => p.amount < 0).reduce((s, p) => s + p.amount, 0);
  if (totalDebits !== totalCredits) {
    throw new AppError(
      "unbalanced_entry",
      `Entry ${key} does not balance: debits ${formatUsd(totalDebits)}, credits ${formatUsd(totalCredits)}.`,
    );
  }
  return { ...rest, postings };
}
