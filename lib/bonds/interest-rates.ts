/** Treasury's quarterly bond-interest rates (8 CFR 293): the table the treasurer extends each quarter. */
import { desc } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { interestRates } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { MAX_RATE_BPS } from "@/lib/bonds/interest";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { requireTreasuryReader } from "@/lib/auth/treasury-reader";

export async function listRates(db: Db, actor: Principal | null) {
  requireTreasuryReader(actor);
  return db
    .select({
      quarterStart: interestRates.quarterStart,
      rateBps: interestRates.rateBps,
      createdAt: interestRates.createdAt,
    })
    .from(interestRates)
    .orderBy(desc(interestRates.quarterStart));
}

const rateSchema = z.object({
  quarterStart: z
    .string()
    .trim()
    .regex(/^\d{4}-(01|04|07|10)-01$/, "A quarter starts on 1 January, 1 April, 1 July or 1 October (YYYY-MM-DD).")
    .refine(
      (s) => Number(s.slice(0, 4)) >= 1990 && Number(s.slice(0, 4)) <= new Date().getUTCFullYear() + 1,
      "That quarter is too far in the past or future.",
    ),
  // Typed as a percentage ("3", "0.3") by people; stored as whole basis points.
  ratePercent: z
    .string()
    .trim()
    .regex(/^\d{1,2}(\.\d{1,2})?$/, "Rate must be a percentage like 3 or 0.30 (at most two decimals).")
    .transform((s) => Math.round(Number(s) * 100))
    .refine(
      (bps) => bps >= 0 && bps <= MAX_RATE_BPS,
      `Rate must be between 0% and ${MAX_RATE_BPS / 100}% a year (Treasury's cap).`,
    ),
});

/** Add one quarter. A quarter already recorded is refused: a published rate is corrected by hand, not silently overwritten. */
export async function addInterestRate(
  db: Db,
  actor: Principal | null,
  input: unknown,
): Promise<{ quarterStart: string; rateBps: number }> {
  const me = requireRole(actor, "treasurer");
  const p = parseOrThrow(rateSchema, input);
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(interestRates)
      .values({ quarterStart: p.quarterStart, rateBps: p.ratePercent, createdBy: me.userId })
      .onConflictDoNothing()
      .returning();
    if (!added.length)
      throw new AppError("conflict", `A rate for the quarter starting ${p.quarterStart} is already recorded.`);
    await audit(tx, {
      actorUserId: me.userId,
      action: "interest_rate.added",
      subjectType: "interest_rate",
      subjectId: p.quarterStart,
      details: { rateBps: p.ratePercent },
    });
    return { quarterStart: p.quarterStart, rateBps: p.ratePercent };
  });
}
