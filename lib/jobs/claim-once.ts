/**
 * Exactly-once jobs across app instances and restarts: a claim row with a unique key and the
 * work it guards (typically an outbox message) commit in one transaction. A crash leaves both
 * or neither; a second instance's insert of the same claim does nothing, so it does no work.
 * Used by the daily deadline digest (lib/notices/digest.ts) and the January statements
 * (lib/receipts/year-end-job.ts).
 */
import type { Db } from "@/db/client";

/**
 * `claim` inserts the claim row with ON CONFLICT DO NOTHING ... RETURNING and returns the rows
 * it inserted; `work` runs in the same transaction only when one was. True when this call won.
 */
export async function runOnceClaimed(
  db: Db,
  claim: (tx: Db) => Promise<readonly unknown[]>,
  work: (tx: Db) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await claim(tx)).length) return false;
    await work(tx);
    return true;
  });
}
