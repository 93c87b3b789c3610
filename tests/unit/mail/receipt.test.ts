import { describe, expect, it } from "vitest";
import { buildReceipt, type ReceiptInput } from "@/lib/mail/receipt";
import { buildStatement } from "@/lib/receipts/statement";

const base: ReceiptInput = {
  locale: "en",
  fundName: "Test Bond Fund",
  amountCents: 5_000,
  campaignAlias: "Rosa",
  date: new Date("2026-05-04T12:00:00Z"),
  deductible: false,
  frequency: "one_off",
};

describe("buildReceipt", () => {
  it("states amount, alias, date and non-deductibility in English", () => {
    const r = buildReceipt(base);
    expect(r.subject).toContain("Test Bond Fund");
    expect(r.text).toContain("$50.00");
    expect(r.text).toContain('"Rosa*"');
    expect(r.text).toContain("May 4, 2026");
    expect(r.text).toContain("not tax-deductible");
    expect(r.text).not.toContain("No goods or services");
  });

  it("adds the IRS acknowledgment from $250 exactly", () => {
    expect(buildReceipt({ ...base, amountCents: 24_999 }).text).not.toContain("No goods or services");
    expect(buildReceipt({ ...base, amountCents: 25_000 }).text).toContain(
      "No goods or services were provided in exchange for this contribution.",
    );
  });

  it("states deductibility when the fund says so", () => {
    expect(buildReceipt({ ...base, deductible: true }).text).toMatch(/tax-deductible to the extent allowed by law/);
  });

  it("writes Spanish for es locales, with the cancel link for monthly gifts", () => {
    const r = buildReceipt({
      ...base,
      locale: "es-MX",
      frequency: "monthly",
      amountCents: 30_000,
      cancelUrl: "http://x/give/cancel/abc",
    });
    expect(r.subject).toMatch(/Su donación/);
    expect(r.text).toContain("donación mensual");
    expect(r.text).toContain("http://x/give/cancel/abc");
    expect(r.text).toContain("4 de mayo de 2026");
    expect(r.text).toContain("No se proporcionaron bienes ni servicios");
  });

  it("never shows a cancel link on a one-off gift", () => {
    expect(buildReceipt({ ...base, cancelUrl: "http://x/c" }).text).not.toContain("http://x/c");
  });

  it("itemises the fee cover: gift + fee toward card fees = charged", () => {
    const r = buildReceipt({ ...base, amountCents: 3_841, coverFeeCents: 141 });
    expect(r.text).toContain("gift of $37.00");
    expect(r.text).toContain("Gift $37.00 + $1.41 toward card fees = $38.41 charged");
    expect(r.text).not.toContain("gift of $38.41");
    const es = buildReceipt({ ...base, locale: "es", amountCents: 3_841, coverFeeCents: 141 });
    expect(es.text).toContain("Donación $37.00 + $1.41 para comisiones de tarjeta = $38.41 cobrados");
  });

  it("a bank debit says bank fees and how it was paid, never card fees", () => {
    const r = buildReceipt({ ...base, amountCents: 600_500, coverFeeCents: 500, method: "bank" });
    expect(r.text).toContain("Gift $6,000.00 + $5.00 toward bank payment fees = $6,005.00 charged");
    expect(r.text).toContain("Paid by: bank debit (ACH)");
    expect(r.text).not.toContain("card");
    const es = buildReceipt({ ...base, locale: "es", amountCents: 600_500, coverFeeCents: 500, method: "bank" });
    expect(es.text).toContain("Donación $6,000.00 + $5.00 para comisiones bancarias = $6,005.00 cobrados");
    expect(es.text).toContain("Forma de pago: débito bancario (ACH)");
    expect(es.text).not.toContain("tarjeta");
  });

  it("writes the alias with its asterisk, as every public page does", () => {
    expect(buildReceipt(base).text).toContain('"Rosa*"');
  });
});

describe("buildStatement", () => {
  it("itemises each gift's fee cover by how it was paid: card fees for a card, bank fees for a bank debit", () => {
    const gift = { date: new Date("2026-05-04T12:00:00Z"), alias: "Ana", refundedCents: 0, locale: "en" };
    const s = buildStatement(
      { fundName: "Test Bond Fund", deductible: "discretion" },
      {
        email: "donor@example.org",
        year: 2026,
        locale: "en",
        gifts: [
          { ...gift, id: "card", amountCents: 3_841, coverFeeCents: 141 },
          { ...gift, id: "bank", amountCents: 600_500, coverFeeCents: 500, bank: true },
        ],
      },
    );
    expect(s.text).toContain("Gift $37.00 + $1.41 toward card fees = $38.41 charged");
    expect(s.text).toContain("Gift $6,000.00 + $5.00 toward bank payment fees = $6,005.00 charged");
  });
});
