import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { addInterestRate, listRates } from "@/lib/bonds/interest-rates";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let t1: Principal, admin: Principal;

beforeAll(async () => {
  h = await createTestDb();
  t1 = await principal(h.db, "t1@r.example", ["treasurer"]);
  admin = await principal(h.db, "admin@r.example", ["admin"]);
});
afterAll(async () => h?.close());

describe("interest-rate table", () => {
  it("adds a quarter as basis points and lists newest first", async () => {
    expect(await addInterestRate(h.db, t1, { quarterStart: "2024-07-01", ratePercent: "3" })).toEqual({
      quarterStart: "2024-07-01",
      rateBps: 300,
    });
    await addInterestRate(h.db, t1, { quarterStart: "2016-04-01", ratePercent: "0.30" });
    await addInterestRate(h.db, t1, { quarterStart: "2020-10-01", ratePercent: "0" });
    expect((await listRates(h.db, admin)).map((r) => [r.quarterStart, r.rateBps])).toEqual([
      ["2024-07-01", 300],
      ["2020-10-01", 0],
      ["2016-04-01", 30],
    ]);
  });

  it.each([
    [{ quarterStart: "2024-08-01", ratePercent: "1" }, /quarter starts on 1 January/],
    [{ quarterStart: "2024-07-02", ratePercent: "1" }, /quarter starts/],
    [{ quarterStart: "1900-01-01", ratePercent: "1" }, /too far/],
    [{ quarterStart: "2025-01-01", ratePercent: "3.01" }, /between 0% and 3%/],
    [{ quarterStart: "2025-01-01", ratePercent: "-1" }, /percentage like 3/],
    [{ quarterStart: "2025-01-01", ratePercent: "1.234" }, /two decimals/],
    [{ quarterStart: "2025-01-01", ratePercent: "" }, /percentage/],
  ])("refuses %o", async (input, message) => {
    await expect(addInterestRate(h.db, t1, input)).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(message),
    });
  });

  it("refuses to overwrite a recorded quarter", async () => {
    await expect(addInterestRate(h.db, t1, { quarterStart: "2024-07-01", ratePercent: "2" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await listRates(h.db, t1)).find((r) => r.quarterStart === "2024-07-01")?.rateBps).toBe(300);
  });

  it("lets only treasurers add a rate", async () => {
    await expect(addInterestRate(h.db, admin, { quarterStart: "2025-01-01", ratePercent: "1" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(addInterestRate(h.db, null, { quarterStart: "2025-01-01", ratePercent: "1" })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });
});
