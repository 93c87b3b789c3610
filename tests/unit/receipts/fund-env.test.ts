/** The fund's receipt settings: EIN format, the deductibility policy's spellings, production's requirements. */
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { fundIdentity } from "@/lib/receipts/fund";
import { prodEnvWithout } from "../../helpers/prod-env";

const prod = prodEnvWithout("FUND_LEGAL_NAME", "FUND_EIN");

describe("fund receipt settings", () => {
  it("accepts an EIN written NN-NNNNNNN only", () => {
    expect(parseEnv({ FUND_EIN: "12-3456789" }).FUND_EIN).toBe("12-3456789");
    for (const bad of ["123456789", "12-345678", "AB-1234567", "12-34567890"])
      expect(() => parseEnv({ FUND_EIN: bad })).toThrow(/FUND_EIN must be the fund's EIN written NN-NNNNNNN/);
  });

  it("reads the deductibility policy, the older true/false included, earmarked by default", () => {
    expect(parseEnv({}).FUND_DEDUCTIBLE).toBe("earmarked");
    expect(parseEnv({ FUND_DEDUCTIBLE: "discretion" }).FUND_DEDUCTIBLE).toBe("discretion");
    expect(parseEnv({ FUND_DEDUCTIBLE: "true" }).FUND_DEDUCTIBLE).toBe("discretion");
    expect(parseEnv({ FUND_DEDUCTIBLE: "false" }).FUND_DEDUCTIBLE).toBe("earmarked");
    expect(() => parseEnv({ FUND_DEDUCTIBLE: "maybe" })).toThrow(/FUND_DEDUCTIBLE/);
  });

  it("refuses to start in production without the legal name and EIN; development shows demo values", () => {
    expect(() => parseEnv(prod)).toThrow(/FUND_LEGAL_NAME is required in production[\s\S]*FUND_EIN is required/);
    const ok = parseEnv({ ...prod, FUND_LEGAL_NAME: "Rio Bond Fund, Inc.", FUND_EIN: "12-3456789" });
    expect(fundIdentity(ok)).toMatchObject({ legalName: "Rio Bond Fund, Inc.", ein: "12-3456789" });
    expect(fundIdentity(parseEnv({}))).toMatchObject({ legalName: "Open Bond Fund (demo)", ein: "00-0000000" });
  });
});
