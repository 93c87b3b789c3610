/** Posting the allowance builders (lib/ledger/entries) against the live balances, inside the caller's transaction. */
import type { Db } from "@/db/client";
import type { BondRow } from "@/lib/bonds/bond-row";
import { bondAccount, getBalances, postEntry } from "@/lib/ledger";
import { writeOffEntries } from "@/lib/ledger/entries";

/** A forfeiture: the receivable is written off against the allowance as far as it reaches, the rest is a loss. */
export async function postForfeiture(tx: Db, bond: BondRow, at: Date): Promise<void> {
  const b = await getBalances(tx, [bondAccount(bond.id), "bond_allowance"]);
  const entries = writeOffEntries({
    bondId: bond.id,
    campaignId: bond.campaignId,
    receivableCents: b.get(bondAccount(bond.id))!,
    allowanceCents: b.get("bond_allowance")!,
    at,
  });
  for (const e of entries) await postEntry(tx, e);
}
