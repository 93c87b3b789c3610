import type { BalanceSheet } from "@/lib/reports/balance-sheet";
import { Rows } from "./report-rows";

const ledger = (account: string) => `/treasury/ledger?account=${encodeURIComponent(account)}`;

/** Where the money is (assets) against whose purpose it serves (funds); they must be equal. */
export function BalanceSheetSection({ bs }: { bs: BalanceSheet }) {
  return (
    <section className="rounded-xl border border-line bg-white p-4">
      <h2 className="mb-2 font-semibold">Balance sheet: where the money is</h2>
      <Rows
        rows={[
          ["Stripe balance", bs.assets.stripe, ledger("stripe")],
          ["Bank", bs.assets.bank, ledger("bank")],
          ["Bonds held by ICE (receivable, gross)", bs.assets.atIce],
          ["Less: allowance for bonds not expected back", -bs.assets.allowance, ledger("bond_allowance")],
          ["Bonds held by ICE, net", bs.assets.atIceNet],
          ["Total assets", bs.assets.total],
        ]}
      />
      <h2 className="mb-2 mt-6 font-semibold">Whose purpose it serves</h2>
      <Rows
        rows={[
          ["General pool (unrestricted)", bs.funds.general, ledger("general")],
          ["Campaign funds (restricted)", bs.funds.campaigns],
          ["Bonds outstanding", bs.funds.bondsOutstanding, ledger("bonds_outstanding")],
          ["Total funds", bs.funds.total],
        ]}
      />
      {bs.assets.total !== bs.funds.total ? (
        <p className="mt-2 font-semibold text-accent">Assets and funds differ: the books need attention.</p>
      ) : (
        <p className="mt-2 text-xs text-muted">Assets equal funds, to the cent.</p>
      )}
    </section>
  );
}
