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

/** Campaign funds beyond the first `limit`: how many and how much, so the panel still adds up. */
export interface MoreFunds {
  count: number;
  cents: number;
}

/**
 * The funds (general pool, the first `limit` campaigns holding money, bonds outstanding) and the
 * assets that hold them; `more` is the campaigns left out of `funds`.
 */
export async function fundsAndAssets(
  db: Db,
  limit: number,
): Promise<{ funds: FundLine[]; assets: FundLine[]; more: MoreFunds }> {
  const fixed = await getBalances(db, ["general", "bonds_outstanding", "stripe", "bank", "undeposited_funds"]);
  const { funds: campaignFunds, count, totalCents } = await campaignFundsHoldingMoney(db, limit);
  const atIceCents = await atIceTotal(db);
  const shownCents = campaignFunds.reduce((s, c) => s + c.cents, 0);

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
  return { funds, assets, more: { count: count - campaignFunds.length, cents: totalCents - shownCents } };
}
