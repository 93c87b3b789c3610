import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chosenAmountText, giftPreview } from "@/lib/donations/give-amount";
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
    expect(p).toEqual({ giftCents: 3700, feeCents: 141, chargeCents: 3841, cover: true });
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
        (preset, other, cover) => {
          const values = { preset, other, coverFee: cover ? "on" : undefined };
          const preview = giftPreview(values, MAX);
          let server: number | null = null;
          try {
            const input = parseCheckoutInput(toCheckoutInput("a-b", "en", values), MAX);
            server = input.giftCents + (input.coverFee ? coverFeeFor(input.giftCents) : 0);
          } catch {
            server = null;
          }
          expect(preview?.chargeCents ?? null).toBe(server);
        },
      ),
    );
  });
});
