/**
 * Golden postings of the entry builders for the splits the integration golden
 * test (tests/integration/ledger-golden.test.ts) does not reach with the
 * default settings: costs borne by the campaign, a dispute reinstated to both
 * funds, an opening balance.
 */
import { describe, expect, it } from "vitest";
import {
  adjustmentEntry,
  disputeEntry,
  disputeReversalEntry,
  processingFeeEntry,
  reallocationEntry,
} from "@/lib/ledger/entries";
import { entryTable } from "../golden/postings-table";

const C = "c0ffee00-0000-4000-8000-000000000001";
const names = { [C]: "A" };
const campaign = `campaign:${C}` as const;

describe("entry builders", () => {
  it("a fee the campaign bears only in part (FUND_FEE_BEARER=campaign, the gift's share spent)", () => {
    const bornBy = [
      { account: campaign, amount: 120 },
      { account: "general" as const, amount: 200 },
    ];
    expect(entryTable(processingFeeEntry({ idempotencyKey: "fee:ch_1", campaignId: C }, bornBy), names))
      .toMatchInlineSnapshot(`
      "processing_fee fee:ch_1
      account      | debit | credit
      campaign:<A> |  1.20 |
      general      |  2.00 |
      stripe       |       |   3.20"
    `);
  });

  it("a dispute the campaign bears (FUND_DISPUTE_BEARER=campaign): its fee still falls on general, one line per account", () => {
    const bornBy = [
      { account: campaign, amount: 15_000 },
      { account: "general" as const, amount: 5_000 },
    ];
    expect(entryTable(disputeEntry({ idempotencyKey: "dispute:dp_1:withdrawn", campaignId: C }, bornBy, 1_500), names))
      .toMatchInlineSnapshot(`
      "dispute dispute:dp_1:withdrawn
      account      |  debit | credit
      campaign:<A> | 150.00 |
      general      |  65.00 |
      stripe       |        | 215.00"
    `);
  });

  it("a won dispute gives the campaign back what it paid, the rest to general", () => {
    const meta = { idempotencyKey: "dispute:dp_1:reinstated", campaignId: C };
    expect(entryTable(disputeReversalEntry(meta, 20_000, 15_000), names)).toMatchInlineSnapshot(`
      "dispute_reversal dispute:dp_1:reinstated
      account      |  debit | credit
      stripe       | 200.00 |
      campaign:<A> |        | 150.00
      general      |        |  50.00"
    `);
  });

  it("a cancelled campaign's consenting gifts redirected to the general pool", () => {
    const meta = { idempotencyKey: `purpose-failure:${C}:redirect`, campaignId: C };
    expect(entryTable(reallocationEntry(meta, 8_765), names)).toMatchInlineSnapshot(`
      "reallocation purpose-failure:<A>:redirect
      account      | debit | credit
      campaign:<A> | 87.65 |
      general      |       |  87.65"
    `);
  });

  it("an opening balance: money the fund held before OpenBond", () => {
    const entry = adjustmentEntry(
      { idempotencyKey: "opening-balance", memo: "Bank balance on the day the fund started using OpenBond" },
      [{ account: "bank", amount: 1_000_000 }],
      [{ account: "general", amount: 1_000_000 }],
    );
    expect(entryTable(entry)).toMatchInlineSnapshot(`
      "adjustment opening-balance
      account |    debit |   credit
      bank    | 10000.00 |
      general |          | 10000.00"
    `);
  });
});
