/** Where the money is (assets) and whose purpose it serves (funds), from cached balances. */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

export interface BalanceSheet {
  /** `atIce` is the bond receivable gross; less the allowance for bonds not expected back, `atIceNet`. */
  assets: { stripe: number; bank: number; atIce: number; allowance: number; atIceNet: number; total: number };
  funds: { general: number; campaigns: number; bondsOutstanding: number; total: number };
  /** Campaign funds holding money, largest first (public alias only). */
  restricted: { campaignId: string; alias: string; cents: number }[];
}

export async function balanceSheet(db: Db): Promise<BalanceSheet> {
  const [r] = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      SELECT coalesce(sum(balance) FILTER (WHERE code = 'stripe'), 0)::bigint AS stripe,
             coalesce(sum(balance) FILTER (WHERE code = 'bank'), 0)::bigint AS bank,
             coalesce(sum(balance) FILTER (WHERE bond_id IS NOT NULL), 0)::bigint AS at_ice,
             coalesce(sum(balance) FILTER (WHERE code = 'bond_allowance'), 0)::bigint AS allowance,
             coalesce(sum(balance) FILTER (WHERE code = 'general'), 0)::bigint AS general,
             coalesce(sum(balance) FILTER (WHERE campaign_id IS NOT NULL), 0)::bigint AS campaigns,
             coalesce(sum(balance) FILTER (WHERE code = 'bonds_outstanding'), 0)::bigint AS outstanding
        FROM ledger_accounts`),
  );
  const n = (k: string) => Number(r![k]);
  const restricted = rowsOf<{ campaign_id: string; alias: string; cents: string | number }>(
    await db.execute(sql`
      SELECT a.campaign_id, c.alias, a.balance::bigint AS cents FROM ledger_accounts a JOIN campaigns c ON c.id = a.campaign_id
       WHERE a.balance <> 0 ORDER BY a.balance DESC`),
  );
  return {
    assets: {
      stripe: n("stripe"),
      bank: n("bank"),
      atIce: n("at_ice"),
      allowance: n("allowance"),
      atIceNet: n("at_ice") - n("allowance"),
      total: n("stripe") + n("bank") + n("at_ice") - n("allowance"),
    },
    funds: {
      general: n("general"),
      campaigns: n("campaigns"),
      bondsOutstanding: n("outstanding"),
      total: n("general") + n("campaigns") + n("outstanding"),
    },
    restricted: restricted.map((x) => ({ campaignId: x.campaign_id, alias: x.alias, cents: Number(x.cents) })),
  };
}
