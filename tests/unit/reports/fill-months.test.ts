import { describe, expect, it } from "vitest";
import { fillMonths } from "@/lib/reports/transparency";

const row = (month: string, gifts = 100) => ({ month, gifts, bondsPaid: 0, recovered: 0 });

describe("fillMonths: the transparency chart on a time scale", () => {
  it("shows every month between the first and now, empty months as zero", () => {
    const out = fillMonths([row("2025-11"), row("2026-02", 500)], "2026-03");
    expect(out.map((r) => r.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(out.map((r) => r.gifts)).toEqual([100, 0, 0, 500, 0]);
  });
  it("starts at the first month with any money", () => {
    const zero = { month: "2025-07", gifts: 0, bondsPaid: 0, recovered: 0 };
    expect(fillMonths([zero, row("2025-09")], "").map((r) => r.month)).toEqual(["2025-09"]);
  });
  it("keeps data dated after `until` and shows nothing without data", () => {
    expect(fillMonths([row("2026-05")], "2026-03").map((r) => r.month)).toEqual(["2026-05"]);
    expect(fillMonths([], "2026-03")).toEqual([]);
  });
});
