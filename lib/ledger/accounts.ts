/** Ledger account codes. Fixed accounts exist from the first migration; per-campaign and per-bond ones are created on demand. */
import { z } from "zod";

const FIXED_ACCOUNTS = ["stripe", "bank", "general", "bonds_outstanding", "bond_allowance"] as const;
type FixedAccount = (typeof FIXED_ACCOUNTS)[number];
export type AccountCode = FixedAccount | `campaign:${string}` | `bond:${string}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const accountCodeSchema = z.string().superRefine((code, ctx) => {
  if ((FIXED_ACCOUNTS as readonly string[]).includes(code) || parseDynamic(code) !== null) return;
  ctx.addIssue({ code: "custom", message: `Unknown ledger account "${code.slice(0, 80)}".` });
});

export function campaignAccount(campaignId: string): AccountCode {
  return `campaign:${campaignId}`;
}

export function bondAccount(bondId: string): AccountCode {
  return `bond:${bondId}`;
}

export function parseDynamic(code: string): { type: "campaign" | "bond"; id: string } | null {
  const m = /^(campaign|bond):(.+)$/.exec(code);
  if (!m || !UUID.test(m[2]!)) return null;
  return { type: m[1] as "campaign" | "bond", id: m[2]! };
}

/** Accounts whose balance is money held (assets) rather than whose purpose it serves (funds). */
export function isAssetAccount(code: string): boolean {
  return code === "stripe" || code === "bank" || code.startsWith("bond:");
}

/** Protected accounts can never go below zero; Stripe and the bank can (disputes, timing). */
export function mayGoNegative(code: string): boolean {
  return code === "stripe" || code === "bank";
}
