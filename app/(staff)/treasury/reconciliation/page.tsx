import type { Metadata } from "next";
import { isNull } from "drizzle-orm";
import Link from "next/link";
import { getDb } from "@/db";
import { bankStatementLines } from "@/db/schema";
import { currentPrincipal } from "@/lib/auth/config";
import { formatUsd } from "@/lib/money";
import { payoutsNeedingAttention } from "@/lib/reconciliation/payouts-attention";
import { getStripe } from "@/lib/payments/stripe-client";
import { compareStripeBalance, type StripeBalanceCheck } from "@/lib/reconciliation/stripe-balance";
import { reconcileStripe } from "@/lib/reconciliation/stripe-match";
import { requireTreasuryReader } from "@/lib/auth/treasury-reader";
import { ActionForm } from "@/app/components/staff/action-form";
import { pageError } from "@/app/components/staff/page-error";
import { importBankAction, importStripeAction } from "./actions";
import { ImportProgress } from "./import-progress";
import { StripeBalancePanel, StripeMatchPanel } from "./stripe-panels";

export const metadata: Metadata = { title: "Reconciliation" };
export const dynamic = "force-dynamic";

export default async function ReconciliationPage() {
  let stripe, unmatched, payouts, balance: StripeBalanceCheck | { error: string };
  try {
    requireTreasuryReader(await currentPrincipal());
    const db = await getDb();
    stripe = await reconcileStripe(db);
    payouts = await payoutsNeedingAttention(db);
    balance = await compareStripeBalance(db, getStripe(), stripe).catch(() => ({
      error: "Stripe's balance could not be read just now; reload the page to try again.",
    }));
    unmatched = await db
      .select()
      .from(bankStatementLines)
      .where(isNull(bankStatementLines.matchedKind))
      .orderBy(bankStatementLines.postedOn)
      .limit(200);
  } catch (e) {
    return pageError(e);
  }
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Reconciliation</h1>
      <section className="grid gap-6 lg:grid-cols-2">
        <div className="rounded-xl border border-line bg-white p-4">
          <h2 className="font-semibold">Stripe payouts</h2>
          <p className="mb-3 mt-1 text-sm text-muted">
            Imports every payout and its balance transactions through the Stripe API, then matches each one to the
            ledger by the charge, refund, dispute or payout it concerns.
          </p>
          <ActionForm action={importStripeAction} submitLabel="Import from Stripe" testId="import-stripe">
            <ImportProgress kind="stripe" unit="balance transactions" />
          </ActionForm>
        </div>
        <div className="rounded-xl border border-line bg-white p-4">
          <h2 className="font-semibold">Bank statement</h2>
          <p className="mb-3 mt-1 text-sm text-muted">
            A CSV with date, amount and description columns. Importing the same file again adds nothing. Lines are
            matched to payouts, bond payments and bond refunds; a deposit of checks or cash is matched below to the
            offline gifts it carries.
          </p>
          <ActionForm action={importBankAction} submitLabel="Import statement" testId="import-bank">
            <label className="block text-sm font-medium">
              Statement file
              <input type="file" name="statement" accept=".csv,text/csv" className="mt-1 block text-sm" />
            </label>
            <ImportProgress kind="bank" unit="statement lines" />
          </ActionForm>
        </div>
      </section>
      <StripeMatchPanel r={stripe} />
      <StripeBalancePanel c={balance} />
      <section className="rounded-xl border border-line bg-white p-4" data-testid="payouts-attention">
        <h2 className="font-semibold">Payouts needing attention</h2>
        {payouts.length === 0 ? (
          <p className="mt-1 text-sm text-muted">None: every payout is imported and matches the books.</p>
        ) : (
          <table className="mt-3 w-full text-sm">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-1">Payout</th>
                <th>Status</th>
                <th>What to do</th>
                <th className="text-right">Amount</th>
              </tr>
            </thead>
            <tbody>
              {payouts.map((p) => (
                <tr key={p.payoutId} className="border-t border-line">
                  <td className="py-1 font-mono text-xs">{p.payoutId}</td>
                  <td>{p.status.replace("_", " ")}</td>
                  <td>
                    {p.reason === "not_imported"
                      ? "Not imported yet: import from Stripe"
                      : `${p.exceptions} Stripe object(s) disagree with the books (see above)`}
                  </td>
                  <td className="text-right tabular-nums">{formatUsd(p.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="rounded-xl border border-line bg-white p-4" data-testid="bank-unmatched">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="font-semibold">Bank lines not matched</h2>
          <Link href="/treasury/reconciliation/deposits" className="text-sm text-brand underline">
            Bank deposits of offline gifts
          </Link>
        </div>
        {unmatched.length === 0 ? (
          <p className="mt-1 text-sm text-muted">None.</p>
        ) : (
          <table className="mt-3 w-full text-sm">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-1">Date</th>
                <th>Description</th>
                <th className="text-right">Amount</th>
                <th className="sr-only">Match</th>
              </tr>
            </thead>
            <tbody>
              {unmatched.map((l) => (
                <tr key={l.id} className="border-t border-line">
                  <td className="py-1">{l.postedOn}</td>
                  <td>{l.description}</td>
                  <td className="text-right tabular-nums">{formatUsd(l.amountCents)}</td>
                  <td className="pl-3 text-right">
                    <Link href={`/treasury/reconciliation/deposits?line=${l.id}`} className="text-brand underline">
                      {l.amountCents > 0 ? "Match offline gifts" : "A returned check?"}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
