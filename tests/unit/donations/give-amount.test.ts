import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chosenAmountText, giftPreview } from "@/lib/donations/give-amount";
import { DEFAULT_RATES, type FeeRates } from "@/lib/donations/fees";

/** Both card rates (standard and nonprofit), with bank debit from $500 (MAX is small here, so also from $50). */
const PLANS: FeeRates[] = [
  DEFAULT_RATES,
  { ...DEFAULT_RATES, card: { percentBps: 220, fixedCents: 30 }, achMinCents: 5_000 },
];
import { toCheckoutInput } from "@/lib/donations/give-form";
import { parseCheckoutInput } from "@/lib/donations/checkout-input";
import { coverFeeFor } from "@/lib/donations/fees";

const MAX = 2_000_000;

describe("the amount the donor chose", () => {
  it("is what they typed whenever the Other box is not empty, even if a preset is still ticked", () => {
    // Without JavaScript the preset radio stays ticked while the donor types in Other.
    expect(chosenAmountText({ preset: "50", other: "37" })).toBe("37");
    expect(chosenAmountText({ preset: "other", other: "3" })).toBe("3");
    expect(chosenAmountText({ preset: "50", other: "  " })).toBe("50");
    expect(chosenAmountText({ preset: "other", other: "" })).toBe("");
  });

  it("a mistyped amount is refused, never replaced by a preset", () => {
    expect(() => parseCheckoutInput(toCheckoutInput("a-b", "en", { preset: "50", other: "3" }), MAX)).toThrow(
      /smallest gift/,
    );
    expect(() => parseCheckoutInput(toCheckoutInput("a-b", "en", { preset: "other", other: "3" }), MAX)).toThrow(
      /smallest gift/,
    );
  });

  it("previews $37 with the fee cover as the server will charge it", () => {
    const p = giftPreview({ preset: "other", other: "37", coverFee: "on" }, MAX);
    expect(p).toEqual({
      giftCents: 3700,
      feeCents: 141,
      chargeCents: 3841,
      cover: true,
      method: "card",
      bankAvailable: false,
      bankSavingsCents: 0,
    });
    // $6,000 by bank: the cover is the capped $5, and the form says what bank saves the fund.
    expect(giftPreview({ other: "6000", coverFee: "on", paymentMethod: "us_bank_account" }, MAX)).toMatchObject({
      feeCents: 500,
      chargeCents: 600_500,
      method: "us_bank_account",
      bankSavingsCents: 16_930,
    });
    expect(giftPreview({ preset: "other", other: "37" }, MAX)?.chargeCents).toBe(3700);
  });

  it("shows no figure for an amount the server would refuse", () => {
    expect(giftPreview({ preset: "other", other: "3" }, MAX)).toBeNull();
    expect(giftPreview({ preset: "other", other: "abc" }, MAX)).toBeNull();
    expect(giftPreview({ preset: "other", other: "25.505" }, MAX)).toBeNull();
    expect(giftPreview({ preset: "other", other: "20001" }, MAX)).toBeNull();
    expect(giftPreview({ preset: "other", other: "" }, MAX)).toBeNull();
  });

  it("property: the preview and the server agree on every input", () => {
    const amountText = fc.oneof(
      fc.integer({ min: 0, max: 3_000_000 }).map((c) => (c / 100).toFixed(c % 3 === 0 ? 0 : 2)),
      fc.string({ maxLength: 8 }),
      fc.constantFrom("$1,000.50", "5", "4.99", "1e3", "-5", " 37 "),
    );
    fc.assert(
      fc.property(
        fc.constantFrom("25", "50", "100", "250", "other"),
        amountText,
        fc.boolean(),
        fc.constantFrom("card", "us_bank_account"),
        fc.constantFrom(...PLANS),
        (preset, other, cover, method, rates) => {
          const values = { preset, other, coverFee: cover ? "on" : undefined, paymentMethod: method };
          const preview = giftPreview(values, MAX, rates);
          let server: number | null = null;
          try {
            // The form posts bank only where it offers it (the radio is not rendered otherwise).
            const posted = { ...values, paymentMethod: preview?.method ?? "card" };
            const input = parseCheckoutInput(toCheckoutInput("a-b", "en", posted), MAX, rates.achMinCents);
            server = input.giftCents + (input.coverFee ? coverFeeFor(input.giftCents, rates[input.paymentMethod]) : 0);
          } catch {
            server = null;
          }
          expect(preview?.chargeCents ?? null).toBe(server);
        },
      ),
    );
  });
});
