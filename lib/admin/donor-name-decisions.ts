/** The admin's decisions on donor-wall names (the queue: donor-names.ts). */
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { donations, offlineGifts } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { parseOrThrow } from "@/lib/validation";
import { guardFor, nameWaiting, QUEUE_LIMIT } from "./donor-names";

const decisionSchema = z.object({
  donationIds: z
    .array(z.uuid("Select names from the list."))
    .min(1, "Select at least one name.")
    .max(QUEUE_LIMIT, `Select at most ${QUEUE_LIMIT} names at a time.`),
  decision: z.enum(["approve", "reject"], "Choose approve or hide."),
});

export interface DecisionResult {
  approved: number;
  rejected: number;
  /** Asked to approve, but the guard found a case-file value: left waiting, never published. */
  refused: number;
}

/**
 * Approve or hide several names at once. Approval re-runs the guard: a name holding a
 * case-file value cannot be approved by a slip of the checkbox, only hidden.
 */
export async function decideDonorNames(db: Db, actor: Principal | null, input: unknown): Promise<DecisionResult> {
  const admin = requireRole(actor, "admin");
  const { donationIds, decision } = parseOrThrow(decisionSchema, input);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: donations.id,
        campaignId: donations.campaignId,
        name: donations.displayName,
        recurringGiftId: donations.recurringGiftId,
      })
      .from(donations)
      .where(and(inArray(donations.id, donationIds), nameWaiting(donations)))
      .for("update");
    const offline = await tx
      .select({
        id: offlineGifts.id,
        campaignId: sql<string>`${offlineGifts.campaignId}`,
        name: offlineGifts.displayName,
      })
      .from(offlineGifts)
      .where(and(inArray(offlineGifts.id, donationIds), nameWaiting(offlineGifts)))
      .for("update");
    const all = [
      ...rows.map((r) => ({ ...r, table: "donation" as const })),
      ...offline.map((r) => ({ ...r, table: "offline_gift" as const })),
    ];
    const guards =
      decision === "approve"
        ? await guardFor(
            tx,
            admin,
            all.map((r) => r.campaignId),
          )
        : new Map();
    const result: DecisionResult = { approved: 0, rejected: 0, refused: 0 };
    for (const r of all) {
      const blocked = decision === "approve" && (guards.get(r.campaignId)?.(r.name!).blocked.length ?? 0) > 0;
      if (blocked) {
        result.refused++;
        continue;
      }
      const status = decision === "approve" ? "approved" : "rejected";
      const review = {
        displayNameReview: status,
        displayNameReviewedBy: admin.userId,
        displayNameReviewedAt: new Date(),
      } as const;
      if (r.table === "donation") await tx.update(donations).set(review).where(eq(donations.id, r.id));
      else await tx.update(offlineGifts).set(review).where(eq(offlineGifts.id, r.id));
      await audit(tx, {
        actorUserId: admin.userId,
        action: `donor_name.${status}`,
        subjectType: r.table,
        subjectId: r.id,
        details: { campaignId: r.campaignId },
      });
      if (status === "approved") result.approved++;
      else result.rejected++;
    }
    return result;
  });
}
