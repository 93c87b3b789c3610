/** Accounts for the ledger benchmark: campaigns inserted in bulk, then funded through postEntry itself. */
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { campaignAccount, postEntry, type AccountCode } from "@/lib/ledger";

const INSERT_BATCH = 1_000;
/** Postings per funding entry: few entries keep setup fast; the stripe debit stays under the $100M line limit. */
const FUND_BATCH = 1_000;

/**
 * Creates `count` live campaigns and credits each with `fundCents` from stripe.
 * Each campaign's fund account is opened by the database trigger that runs with
 * the campaign row (migration 0008); every cent arrives through postEntry.
 */
export async function createFundedCampaigns(
  db: Db,
  label: string,
  count: number,
  fundCents: number,
): Promise<AccountCode[]> {
  if (fundCents * Math.min(FUND_BATCH, count) > 10_000_000_000)
    throw new Error("funding entry would exceed the ledger's per-line maximum");
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let i = 0; i < count; i += INSERT_BATCH) {
    const chunk = ids.slice(i, i + INSERT_BATCH);
    await db.insert(campaigns).values(
      chunk.map((id, j) => ({
        id,
        slug: `bench-${label}-${i + j}`,
        alias: `Bench ${i + j}`,
        region: "Benchland",
        goalCents: 100_000_000,
        status: "live" as const,
      })),
    );
  }
  const codes = ids.map(campaignAccount);
  for (let i = 0; i < count; i += FUND_BATCH) {
    const chunk = codes.slice(i, i + FUND_BATCH);
    await postEntry(db, {
      idempotencyKey: `bench:${label}:fund:${i}`,
      kind: "donation",
      memo: "benchmark funding",
      debits: [{ account: "stripe", amount: fundCents * chunk.length }],
      credits: chunk.map((account) => ({ account, amount: fundCents })),
    });
  }
  return codes;
}
