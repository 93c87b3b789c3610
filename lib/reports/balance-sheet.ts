/** Where the money is (assets) and whose purpose it serves (funds), from cached balances. */
import type { Db } from "@/db/client";
import { accountTotals, nonZeroCampaignFunds } from "@/lib/ledger/queries";

export interface BalanceSheet {
  assets: { stripe: number; bank: number; atIce: number; total: number };
  funds: { general: number; campaigns: number; bondsOutstanding: number; total: number };
  /** Campaign funds holding money, largest first (public alias only). */
  restricted: { campaignId: string; alias: string; cents: number }[];
}

export async function balanceSheet(db: Db): Promise<BalanceSheet> {
  const t = await accountTotals(db);
  return {
    assets: { stripe: t.stripe, bank: t.bank, atIce: t.atIce, total: t.stripe + t.bank + t.atIce },
    funds: {
      general: t.general,
      campaigns: t.campaigns,
      bondsOutstanding: t.outstanding,
      total: t.general + t.campaigns + t.outstanding,
    },
    restricted: await nonZeroCampaignFunds(db),
  };
}
