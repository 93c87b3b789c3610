import { createHash } from "node:crypto";

export interface SignedPosting {
  account: string;
  /** Debit positive, credit negative. */
  amount: number;
}

/**
 * What makes two requests "the same entry": kind, campaign, what it reverses and
 * its postings (order-insensitive). Memo and refs are descriptive and excluded,
 * so Stripe's different events about one payment can replay one entry.
 */
export function entryContentHash(input: {
  kind: string;
  campaignId?: string | null;
  reversesEntryId?: number | null;
  postings: readonly SignedPosting[];
}): string {
  const postings = input.postings
    .map((p) => [p.account, p.amount] as const)
    .sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
  const canonical = JSON.stringify([input.kind, input.campaignId ?? null, input.reversesEntryId ?? null, postings]);
  return createHash("sha256").update(canonical).digest("hex");
}
