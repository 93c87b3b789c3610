/** Bank gifts submitted and not yet settled, for the treasurer: not in any campaign's figure until Stripe says they cleared. */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, donations } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { requireTreasuryReader } from "@/lib/auth/treasury-reader";
import { expectedSettlement } from "./bank-settlement";

export async function pendingBankGifts(db: Db, actor: Principal | null) {
  requireTreasuryReader(actor);
  const rows = await db
    .select({
      id: donations.id,
      alias: campaigns.alias,
      amount: donations.amountCents,
      cover: donations.coverFeeCents,
      submittedAt: donations.bankSubmittedAt,
    })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .where(
      and(
        eq(donations.paymentMethod, "us_bank_account"),
        eq(donations.status, "pending"),
        isNotNull(donations.bankSubmittedAt),
      ),
    )
    .orderBy(asc(donations.bankSubmittedAt))
    .limit(200);
  return rows.map((r) => ({ ...r, expectedAt: expectedSettlement(r.submittedAt!) }));
}
