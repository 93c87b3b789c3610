/** The treasurer's home, first panels: money by fund (what it is for) and by asset (where it is). */
import type { Db } from "@/db/client";
import { getBalances } from "@/lib/ledger";
import { atIceTotal, campaignFundsHoldingMoney } from "@/lib/ledger/queries";

export interface FundLine {
  account: string;
  label: string;
  cents: number;
  campaignSlug?: string;
}

/** The funds (general pool, each campaign holding money, bonds outstanding) and the assets that hold them. */
export async function fundsAndAssets(db: Db): Promise<{ funds: FundLine[]; assets: FundLine[] }> {
  const fixed = await getBalances(db, ["general", "bonds_outstanding", "stripe", "bank", "undeposited_funds"]);
  const campaignFunds = await campaignFundsHoldingMoney(db);
  const atIceCents = await atIceTotal(db);

  const funds: FundLine[] = [
    { account: "general", label: "General pool (unrestricted)", cents: fixed.get("general")! },
    ...campaignFunds.map((c) => ({
      account: c.code,
      label: `Campaign ${c.alias}* (restricted)`,
      cents: c.cents,
      campaignSlug: c.slug,
    })),
    {
      account: "bonds_outstanding",
      label: "Bonds outstanding (at ICE, expected back)",
      cents: fixed.get("bonds_outstanding")!,
    },
  ];
  const assets: FundLine[] = [
    { account: "stripe", label: "Stripe balance", cents: fixed.get("stripe")! },
    { account: "bank", label: "Bank", cents: fixed.get("bank")! },
    {
      account: "undeposited_funds",
      label: "Checks and cash not yet deposited",
      cents: fixed.get("undeposited_funds")!,
    },
    { account: "bond:*", label: "Bonds at ICE (receivable)", cents: atIceCents },
  ];
  return { funds, assets };
}
