/** The lawyer's side of paying a bond: what the campaign holds, and the request in dollars as typed. */
import { and, eq, notInArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bonds, campaigns } from "@/db/schema";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { requestBondPayment } from "@/lib/bonds/payment";
import { AppError } from "@/lib/errors";
import { campaignAccount, getBalances } from "@/lib/ledger";
import { parseUsd } from "@/lib/money";

export async function bondRequestContext(db: Db, actor: Principal | null, campaignId: string) {
  const me = requireRole(actor, "lawyer", "treasurer");
  if (!z.uuid().safeParse(campaignId).success) throw new AppError("not_found", "No such campaign.");
  const [c] = await db
    .select({
      id: campaigns.id,
      alias: campaigns.alias,
      region: campaigns.region,
      status: campaigns.status,
      goalCents: campaigns.goalCents,
      lawyer: campaigns.lawyerUserId,
    })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  // Another lawyer's campaign looks exactly like a missing one: its existence is not theirs to learn.
  if (!c || (!me.roles.includes("treasurer") && c.lawyer !== me.userId))
    throw new AppError("not_found", "Campaign not found among your campaigns.");
  const [open] = await db
    .select({ id: bonds.id, status: bonds.status, amountCents: bonds.amountCents })
    .from(bonds)
    .where(and(eq(bonds.campaignId, c.id), notInArray(bonds.status, ["refunded", "forfeited"])));
  const bal = await getBalances(db, [campaignAccount(c.id), "general"]);
  return {
    campaign: { id: c.id, alias: c.alias, region: c.region, status: c.status, goalCents: c.goalCents },
    heldCents: bal.get(campaignAccount(c.id))!,
    generalCents: bal.get("general")!,
    openBond: open ?? null,
    canRequest: !open && ["live", "funded"].includes(c.status),
  };
}

export async function requestBondInDollars(
  db: Db,
  actor: Principal | null,
  campaignId: string,
  f: { amount?: string; topUp?: string },
) {
  const amountCents = parseUsd(f.amount ?? "", { field: "bond amount", allowZero: false });
  const topUpCents = f.topUp?.trim() ? parseUsd(f.topUp, { field: "top-up" }) : 0;
  return requestBondPayment(db, actor, { campaignId, amountCents, topUpCents });
}
