/**
 * Golden postings of a corrected bond payment date (lib/bonds/date-correction.ts): the
 * payment in force is reversed elsewhere (reverse-entry.ts); the correction books the very
 * same postings again, on the corrected day, pointing at the entry it corrects.
 */
import { describe, expect, it } from "vitest";
import { bondPaymentCorrectionEntry, bondPaymentEntry } from "@/lib/ledger/entries";
import { entryTable } from "../golden/postings-table";

const C = "c0ffee00-0000-4000-8000-000000000001";
const B = "b0b0b0b0-0000-4000-8000-000000000002";
const names = { [C]: "A", [B]: "B" };

describe("bond payment correction", () => {
  const paid = bondPaymentEntry(
    { idempotencyKey: `bond-payment:${B}`, campaignId: C, refs: { bond: B } },
    { id: B, amountCents: 500_000, topUpCents: 20_000 },
  );
  const inForce = {
    id: 41,
    campaignId: C,
    refs: { bond: B },
    postings: [
      ...paid.debits.map((l) => ({ account: l.account, amount: Number(l.amount) })),
      ...paid.credits.map((l) => ({ account: l.account, amount: -Number(l.amount) })),
    ],
  };

  it("books the payment's own postings again, on the corrected day", () => {
    const entry = bondPaymentCorrectionEntry(inForce, {
      idempotencyKey: `bond-payment:${B}:corrected:1`,
      day: "2025-03-05",
    });
    expect(entryTable(entry, names)).toMatchInlineSnapshot(`
      "bond_payment bond-payment:<B>:corrected:1
      account           |   debit |  credit
      bond:<B>          | 5000.00 |
      campaign:<A>      | 4800.00 |
      general           |  200.00 |
      bank              |         | 5000.00
      bonds_outstanding |         | 5000.00"
    `);
    const body = (table: string) => table.split("\n").slice(1);
    expect(body(entryTable(entry, names))).toEqual(body(entryTable(paid, names)));
    expect(entry.effectiveAt).toEqual(new Date("2025-03-05T12:00:00Z"));
    expect(entry.refs).toEqual({ bond: B, corrects: "41" });
    expect(entry.memo).toBe("Payment date corrected to 2025-03-05");
    expect(entry.campaignId).toBe(C);
  });

  it("a payment with no campaign (general pool only) stays without one", () => {
    const entry = bondPaymentCorrectionEntry(
      { ...inForce, campaignId: null },
      { idempotencyKey: `bond-payment:${B}:corrected:2`, day: "2025-03-06" },
    );
    expect(entry.campaignId).toBeUndefined();
  });
});
