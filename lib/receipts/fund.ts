/** Who the receipts say the gift went to: the fund's legal name, EIN and deductibility policy (lib/env.ts). */
import { appEnv, env, type Env } from "@/lib/env";
import type { ReceiptInput } from "@/lib/mail/receipt";

/** Shown in development and tests only; production refuses to start without FUND_EIN. */
const DEMO_EIN = "00-0000000";

export type FundIdentity = Pick<
  ReceiptInput,
  "fundName" | "legalName" | "ein" | "fundAddress" | "deductible" | "timeZone"
>;

export function fundIdentity(e: Env = env()): FundIdentity {
  return {
    fundName: e.FUND_NAME,
    legalName: e.FUND_LEGAL_NAME ?? e.FUND_NAME,
    ein: e.FUND_EIN ?? (appEnv(e) === "production" ? undefined : DEMO_EIN),
    ...(e.FUND_ADDRESS ? { fundAddress: e.FUND_ADDRESS } : {}),
    deductible: e.FUND_DEDUCTIBLE,
    timeZone: e.FUND_TIME_ZONE,
  };
}
