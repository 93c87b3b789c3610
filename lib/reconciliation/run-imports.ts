/** The reconciliation page's two imports, each under an import run the page polls for progress. */
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { parseBankCsv } from "./bank-csv";
import { importBankCsv, type ImportSummary } from "./bank-import";
import { withImportRun, type ImportHooks } from "./import-runs";
import { importStripePayouts, type StripeImportSummary } from "./stripe-import";

export async function runStripeImport(
  db: Db,
  stripe: Stripe,
  actor: Principal | null,
  hooks: ImportHooks = {},
): Promise<StripeImportSummary> {
  const me = requireRole(actor, "treasurer");
  return withImportRun(
    db,
    me,
    "stripe",
    (progress) => importStripePayouts(db, stripe, me, { onProgress: (done) => progress(done) }),
    (r) =>
      `Imported ${r.payouts} payout(s) with ${r.transactions} balance transaction(s).` +
      (r.awaitingReconciliation
        ? ` ${r.awaitingReconciliation} payout(s) still being reconciled by Stripe; import again later for their transactions.`
        : ""),
    hooks,
  );
}

export async function runBankImport(
  db: Db,
  actor: Principal | null,
  file: { name: string; text: string },
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  const me = requireRole(actor, "treasurer");
  // A malformed file is refused before anything is written, the run row included.
  const parsed = parseBankCsv(file.text);
  return withImportRun(
    db,
    me,
    "bank",
    (progress) => importBankCsv(db, me, file, { onProgress: progress, parsed }),
    (r) => `${r.lines} line(s) read: ${r.added} new, ${r.duplicates} already imported, ${r.matched} matched.`,
    hooks,
  );
}
