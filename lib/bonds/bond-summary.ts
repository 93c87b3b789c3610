/** The little a sub-page of a bond needs to name it: its public alias, status and amount (treasury only). */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bonds, campaigns } from "@/db/schema";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

export async function bondSummary(db: Db, actor: Principal | null, bondId: string) {
  requireRole(actor, "treasurer", "admin");
  const [b] = await db
    .select({
      id: bonds.id,
      alias: campaigns.alias,
      status: bonds.status,
      amountCents: bonds.amountCents,
      i305Number: bonds.i305Number,
    })
    .from(bonds)
    .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
    .where(eq(bonds.id, bondId));
  if (!b) throw new AppError("not_found", "No bond with that id.");
  return b;
}
