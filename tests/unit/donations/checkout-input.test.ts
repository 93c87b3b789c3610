import { describe, expect, it } from "vitest";
import { parseCheckoutInput } from "@/lib/donations/checkout-input";
import { AppError } from "@/lib/errors";

const MAX = 2_500_000;
const ok = { campaignSlug: "dmitri-louisiana", amount: "25", frequency: "one_off", locale: "en" };

function problem(input: Record<string, unknown>): { field: unknown; key: unknown; message: string } {
  try {
    parseCheckoutInput(input, MAX);
  } catch (e) {
    if (e instanceof AppError && e.code === "validation")
      return { field: e.details?.field, key: e.details?.key, message: e.message };
    throw e;
  }
  throw new Error("expected a validation error");
}

describe("parseCheckoutInput", () => {
  it("accepts a preset gift and normalises the form values", () => {
    expect(
      parseCheckoutInput(
        { ...ok, coverFee: "on", displayName: "  Ana ", email: "A@Example.org", redirectConsent: "on" },
        MAX,
      ),
    ).toEqual({
      campaignSlug: "dmitri-louisiana",
      giftCents: 2500,
      frequency: "one_off",
      paymentMethod: "card",
      coverFee: true,
      displayName: "Ana",
      email: "a@example.org",
      redirectConsent: true,
      locale: "en",
    });
  });

  it("reads custom amounts typed with $ and commas, and anonymous overrides the name", () => {
    const v = parseCheckoutInput({ ...ok, amount: "$1,234.50", displayName: "Ana", anonymous: "on" }, MAX);
    expect(v.giftCents).toBe(123450);
    expect(v.displayName).toBeNull();
    expect(v.email).toBeNull();
  });

  it.each([
    [{ amount: "3" }, "amount", "amountTooSmall", "The smallest gift we can accept is $5."],
    [{ amount: "4.99" }, "amount", "amountTooSmall", "The smallest gift we can accept is $5."],
    [{ amount: "" }, "amount", "amountMissing", "Choose an amount or enter one."],
    [{ amount: "ten" }, "amount", "amountFormat", "Enter an amount in dollars, like 25 or 25.50."],
    [{ amount: "25.555" }, "amount", "amountFormat", "Enter an amount in dollars, like 25 or 25.50."],
    [{ amount: "-25" }, "amount", "amountFormat", "Enter an amount in dollars, like 25 or 25.50."],
    [
      { amount: "25000.01" },
      "amount",
      "amountTooLarge",
      "The largest gift we can take online is $25,000. For more, please contact the fund.",
    ],
    [{ frequency: "weekly" }, "frequency", "frequency", "Choose a one-time or a monthly gift."],
    [
      { email: "not-an-email" },
      "email",
      "emailFormat",
      "Enter an email address like name@example.org, or leave it empty.",
    ],
    [
      { frequency: "monthly" },
      "email",
      "emailRequiredMonthly",
      "A monthly gift needs an email address, for receipts and the link to stop it.",
    ],
    [
      { displayName: "x".repeat(61) },
      "displayName",
      "displayName",
      "Keep the name for the donor wall under 60 characters.",
    ],
    [{ locale: "fr" }, "locale", "locale", "Choose English or Spanish."],
    [{ campaignSlug: "../etc" }, "campaignSlug", "campaignMissing", "This campaign could not be found."],
  ])("%j → %s: %s", (over, field, key, message) => {
    expect(problem({ ...ok, ...over })).toEqual({ field, key, message });
  });

  it("allows exactly the minimum and the maximum", () => {
    expect(parseCheckoutInput({ ...ok, amount: "5" }, MAX).giftCents).toBe(500);
    expect(parseCheckoutInput({ ...ok, amount: "25000" }, MAX).giftCents).toBe(MAX);
  });

  describe("bank debit (issue 15)", () => {
    const ACH_MIN = 50_000;
    const bank = { ...ok, amount: "6000", paymentMethod: "us_bank_account" };
    it("takes a one-time gift from the minimum by bank", () => {
      expect(parseCheckoutInput(bank, MAX, ACH_MIN).paymentMethod).toBe("us_bank_account");
      expect(parseCheckoutInput({ ...bank, amount: "500" }, MAX, ACH_MIN).paymentMethod).toBe("us_bank_account");
    });
    it.each([
      ["under the minimum", { ...bank, amount: "499.99" }, ACH_MIN, "bankTooSmall", /\$500 or more/],
      [
        "monthly",
        { ...bank, frequency: "monthly", email: "a@example.org" },
        ACH_MIN,
        "bankMonthly",
        /Monthly gifts are paid by card/,
      ],
      ["bank debit turned off", bank, 0, "bankOff", /does not take bank payments/],
      ["an unknown method", { ...bank, paymentMethod: "sepa_debit" }, ACH_MIN, "paymentMethod", /card or by bank/],
    ])("refuses %s with a message naming the method", (_name, input, min, key, message) => {
      try {
        parseCheckoutInput(input, MAX, min);
        expect.unreachable();
      } catch (e) {
        expect(e).toMatchObject({ code: "validation", details: { field: "paymentMethod", key } });
        expect((e as Error).message).toMatch(message);
      }
    });
  });
});
