import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { cents, formatUsd, MAX_CENTS, parseUsd, sumCents } from "@/lib/money";

describe("parseUsd", () => {
  it.each([
    ["25", 2500],
    ["$25", 2500],
    ["25.5", 2550],
    ["25.50", 2550],
    ["0.01", 1],
    ["1,234.56", 123456],
    ["$20,000", 2000000],
    ["  7 ", 700],
    ["$ 5.05", 505],
  ])("parses %j as %i cents", (input, expected) => {
    expect(parseUsd(input)).toBe(expected);
  });

  it.each(["", "abc", "1.234", "1e5", "12,34", "1,2345", "NaN", "Infinity", "25.", ".5", "--5", "5$", "0x10", "1 000"])(
    "rejects %j with a validation error",
    (input) => {
      expect(() => parseUsd(input)).toThrowError(AppError);
    },
  );

  it("rejects negatives unless allowed", () => {
    expect(() => parseUsd("-5")).toThrow(/cannot be negative/);
    expect(parseUsd("-5", { allowNegative: true })).toBe(-500);
  });

  it("rejects amounts past the maximum", () => {
    expect(() => parseUsd("100,000,000.01")).toThrow(/maximum/);
    expect(parseUsd("100,000,000")).toBe(MAX_CENTS);
    expect(() => parseUsd("9".repeat(20))).toThrow(/too large/);
  });

  it("names the field in its message", () => {
    expect(() => parseUsd("x", { field: "gift" })).toThrow(/^Gift must be a dollar amount/);
  });

  it("round-trips with formatUsd for every amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CENTS }), (n) => {
        expect(parseUsd(formatUsd(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("cents", () => {
  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, "5", null, undefined, {}])("rejects %j", (v) => {
    expect(() => cents(v)).toThrowError(AppError);
  });
  it("accepts safe bigints and rejects huge ones", () => {
    expect(cents(250n)).toBe(250);
    expect(() => cents(2n ** 60n)).toThrow(/too large/);
  });
  it("enforces zero and sign options", () => {
    expect(() => cents(0, { allowZero: false })).toThrow(/more than zero/);
    expect(() => cents(-1)).toThrow(/negative/);
    expect(cents(-0)).toBe(0);
    expect(Object.is(cents(-0), 0)).toBe(true);
    expect(() => cents(101, { max: 100 })).toThrow(/maximum of \$1\.00/);
  });
});

describe("formatUsd", () => {
  it.each([
    [0, "$0.00"],
    [1, "$0.01"],
    [99, "$0.99"],
    [100, "$1.00"],
    [123456, "$1,234.56"],
    [-2550, "-$25.50"],
    [2000000, "$20,000.00"],
  ])("formats %i as %s", (n, s) => {
    expect(formatUsd(n)).toBe(s);
  });
  it("drops cents for whole dollars on request only", () => {
    expect(formatUsd(2000000, { wholeDollars: true })).toBe("$20,000");
    expect(formatUsd(2050, { wholeDollars: true })).toBe("$20.50");
  });
  it("refuses non-integers", () => {
    expect(() => formatUsd(1.5)).toThrow();
  });
});

describe("sumCents", () => {
  it("sums and guards overflow", () => {
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(/overflow/);
  });
});
