/**
 * Golden postings of the offline-gift builders (issue 15, item 3): a check to a campaign, cash to the pool, their
 * deposit, and a deposited check the bank returned.
 */
import { describe, expect, it } from "vitest";
import { depositEntry, depositReturnedEntry, offlineGiftEntry, offlineGiftReturnedEntry } from "@/lib/ledger/entries";
import { entryTable } from "../golden/postings-table";

const C = "c0ffee00-0000-4000-8000-000000000001";
const names = { [C]: "A" };

describe("offline gift entries", () => {
  it("a check for a campaign waits in undeposited funds", () => {
    expect(entryTable(offlineGiftEntry({ idempotencyKey: "offline-gift:g1", campaignId: C }, 25_000), names))
      .toMatchInlineSnapshot(`
        "offline_gift offline-gift:g1
        account           |  debit | credit
        undeposited_funds | 250.00 |
        campaign:<A>      |        | 250.00"
      `);
  });

  it("cash for the general pool", () => {
    expect(entryTable(offlineGiftEntry({ idempotencyKey: "offline-gift:g2" }, 4_000), names)).toMatchInlineSnapshot(`
      "offline_gift offline-gift:g2
      account           | debit | credit
      undeposited_funds | 40.00 |
      general           |       |  40.00"
    `);
  });

  it("the deposit that carries them moves the money to the bank, no fund moves", () => {
    expect(entryTable(depositEntry({ idempotencyKey: "deposit:line1" }, 29_000), names)).toMatchInlineSnapshot(`
      "deposit deposit:line1
      account           |  debit | credit
      bank              | 290.00 |
      undeposited_funds |        | 290.00"
    `);
  });

  it("a returned check: the bank takes it back, and the gift leaves the campaign, the pool bearing what it no longer holds", () => {
    const back = depositReturnedEntry({ idempotencyKey: "offline-gift:g1:returned-by-bank" }, 25_000);
    const undone = offlineGiftReturnedEntry({ idempotencyKey: "offline-gift:g1:returned", campaignId: C }, [
      { account: `campaign:${C}`, amount: 10_000 },
      { account: "general", amount: 15_000 },
    ]);
    expect(`${entryTable(back, names)}\n\n${entryTable(undone, names)}`).toMatchInlineSnapshot(`
      "deposit offline-gift:g1:returned-by-bank
      account           |  debit | credit
      undeposited_funds | 250.00 |
      bank              |        | 250.00

      offline_gift offline-gift:g1:returned
      account           |  debit | credit
      campaign:<A>      | 100.00 |
      general           | 150.00 |
      undeposited_funds |        | 250.00"
    `);
  });
});
