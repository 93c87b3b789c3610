/**
 * Receipts and year-end statements, read back from the PDF with PDF.js, against the IRS content
 * list for a written acknowledgment (Publication 1771): the organization's name and EIN, the
 * amount, the date, and the statement that no goods or services were provided; plus the fund's
 * deductibility sentence and the fee-cover itemisation. English and Spanish.
 */
import { describe, expect, it } from "vitest";
import { buildReceipt, type ReceiptInput } from "@/lib/mail/receipt";
import { renderDocumentPdf } from "@/lib/receipts/pdf";
import { buildStatement, type StatementGift } from "@/lib/receipts/statement";
import type { FundIdentity } from "@/lib/receipts/fund";
import { pdfText } from "../../helpers/pdf-text";

const fund: FundIdentity = {
  fundName: "Rio Bond Fund",
  legalName: "Rio Grande Community Bond Fund, Inc.",
  ein: "12-3456789",
  fundAddress: "100 Main St, El Paso, TX 79901",
  deductible: "discretion",
};
const gift: ReceiptInput = {
  ...fund,
  locale: "en",
  amountCents: 30_941,
  coverFeeCents: 941,
  campaignAlias: "Rosa",
  date: new Date("2026-05-04T12:00:00Z"),
  frequency: "one_off",
};

/** PDF.js splits lines into runs; join them with spaces so sentences can be matched whole. */
const flat = async (title: string, lines: string[]) =>
  (await pdfText(await renderDocumentPdf(title, lines))).replace(/\s+/g, " ");

const IRS = {
  en: {
    noGoods: "No goods or services were provided in exchange for this contribution.",
    date: "May 4, 2026",
    deductible: "tax-deductible to the extent allowed by law",
    earmarked: "not tax-deductible",
    itemised: "Gift $300.00 + $9.41 toward card fees = $309.41 charged",
  },
  es: {
    noGoods: "No se proporcionaron bienes ni servicios a cambio de esta contribución.",
    date: "4 de mayo de 2026",
    deductible: "es deducible de impuestos en la medida que permita la ley",
    earmarked: "no son deducibles de impuestos",
    itemised: "Donación $300.00 + $9.41 para comisiones de tarjeta = $309.41 cobrados",
  },
} as const;

describe.each(["en", "es"] as const)("receipt PDF (%s)", (locale) => {
  const want = IRS[locale];

  it("carries the legal name, EIN, amount, date, no-goods statement and the itemised fee cover", async () => {
    const r = buildReceipt({ ...gift, locale });
    const text = await flat(r.title, r.lines);
    expect(text).toContain("Rio Grande Community Bond Fund, Inc.");
    expect(text).toContain("EIN 12-3456789");
    expect(text).toContain("100 Main St, El Paso, TX 79901");
    expect(text).toContain(want.itemised);
    expect(text).toContain(want.date);
    expect(text).toContain(want.noGoods);
    expect(text).toContain(want.deductible);
    // The PDF and the mail are the same lines.
    for (const line of r.lines.filter(Boolean)) expect(r.text).toContain(line);
  });

  it("follows the fund's policy: earmarked gifts are said to be not deductible", async () => {
    const r = buildReceipt({ ...gift, locale, deductible: "earmarked" });
    const text = await flat(r.title, r.lines);
    expect(text).toContain(want.earmarked);
    expect(text).not.toContain(want.deductible);
  });

  it("says when a gift was refunded", async () => {
    const r = buildReceipt({ ...gift, locale, refundedCents: 30_941 });
    expect(await flat(r.title, r.lines)).toMatch(locale === "en" ? /Refunded: \$309\.41/ : /Reembolsado: \$309\.41/);
  });

  it("lists every gift of the year on the statement, refunds said, with the acknowledgment", async () => {
    const gifts: StatementGift[] = [
      {
        id: "a",
        date: new Date("2026-02-01T15:00:00Z"),
        alias: "Rosa",
        amountCents: 5_000,
        coverFeeCents: 0,
        refundedCents: 0,
        locale,
      },
      {
        id: "b",
        date: new Date("2026-05-04T12:00:00Z"),
        alias: "Ana",
        amountCents: 30_941,
        coverFeeCents: 941,
        refundedCents: 0,
        locale,
      },
      {
        id: "c",
        date: new Date("2026-11-30T12:00:00Z"),
        alias: "Ana",
        amountCents: 2_500,
        coverFeeCents: 0,
        refundedCents: 2_500,
        locale,
      },
    ];
    const s = buildStatement(fund, { email: "donor@example.org", year: 2026, locale, gifts });
    const text = await flat(s.title, s.lines);
    expect(text).toContain("2026");
    expect(text).toContain("EIN 12-3456789");
    expect(text).toContain("Rio Grande Community Bond Fund, Inc.");
    expect(text).toContain(want.date);
    expect(text).toContain(want.itemised);
    expect(text).toContain('"Rosa*"');
    expect(text).toContain(locale === "en" ? "(refunded $25.00)" : "(reembolsado $25.00)");
    // 50.00 + 309.41 + 25.00 − 25.00 refunded
    expect(text).toContain("$359.41");
    expect(text).toContain(want.noGoods);
    expect(text).toContain(want.deductible);
  });
});

describe("receipt PDF fonts", () => {
  it("prints Spanish accents, Cyrillic and Greek as typed; what it cannot lay out becomes ?, never an error", async () => {
    const text = await flat("Recibo", ["Campaña «Ñandú»", "Алия · Ελένη", "שרה · 王芳"]);
    expect(text).toContain("Campaña «Ñandú»");
    expect(text).toContain("Алия · Ελένη");
    expect(text).toContain("??? · ??");
  });
});
