/** Where the money is (assets) and whose purpose it serves (funds), from cached balances. */
import type { Db } from "@/db/client";
import { getBalance } from "@/lib/ledger/balances";
import { accountTotals, nonZeroCampaignFunds } from "@/lib/ledger/queries";

export interface BalanceSheet {
  /** `atIce` is the bond receivable gross; less the allowance for bonds not expected back, `atIceNet`. */
  assets: {
    stripe: number;
    bank: number;
    undeposited: number;
    atIce: number;
    allowance: number;
    atIceNet: number;
    total: number;
  };
  funds: { general: number; campaigns: number; bondsOutstanding: number; total: number };
  /** Campaign funds holding money, largest first (public alias only). */
  restricted: { campaignId: string; alias: string; cents: number }[];
}

export async function balanceSheet(db: Db): Promise<BalanceSheet> {
  const t = await accountTotals(db);
  const allowance = await getBalance(db, "bond_allowance");
  return {
    assets: {
      stripe: t.stripe,
      bank: t.bank,
      undeposited: t.undeposited,
      atIce: t.atIce,
      allowance,
      atIceNet: t.atIce - allowance,
      total: t.stripe + t.bank + t.undeposited + t.atIce - allowance,
    },
    funds: {
      general: t.general,
      campaigns: t.campaigns,
      bondsOutstanding: t.outstanding,
      total: t.general + t.campaigns + t.outstanding,
    },
    restricted: await nonZeroCampaignFunds(db),
  };
}
