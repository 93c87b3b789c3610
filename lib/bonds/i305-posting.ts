/** Recording ICE's I-305 receipt: the bond is posted, interest starts, and any overfunding moves to the general pool. */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bonds, campaigns } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { campaignAccount, getBalance, postEntry } from "@/lib/ledger";
import { reallocationEntry } from "@/lib/ledger/entries";
import { parseOrThrow } from "@/lib/validation";
import { applyTransition, lockBond, staffDate } from "./bond-row";

export async function recordBondPosting(
  db: Db,
  actor: Principal | null,
  bondId: string,
  input: unknown,
): Promise<{ replayed: boolean }> {
  const me = requireRole(actor, "treasurer");
  return db.transaction(async (tx) => {
    const bond = await lockBond(tx, bondId);
    const p = parseOrThrow(
      z.object({
        i305Number: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9-]{6,30}$/, "I-305 receipt number must be 6–30 letters, digits or dashes."),
        postedOn: staffDate("Posting date", { value: bond.paidOn, name: "payment date" }),
        obligor: z.discriminatedUnion(
          "kind",
          [
            z.object({ kind: z.literal("fund") }),
            z.object({ kind: z.literal("representative"), userId: z.string().min(1) }),
          ],
          {
            error: "Say who the obligor is: the fund or a named representative.",
          },
        ),
      }),
      input,
    );
    // The I-305 number is the idempotency key: the same receipt again is a replay, not an error.
    if (bond.status === "posted" && bond.i305Number === p.i305Number) return { replayed: true };
    const [taken] = await tx.select({ id: bonds.id }).from(bonds).where(eq(bonds.i305Number, p.i305Number));
    if (taken) throw new AppError("conflict", `I-305 receipt ${p.i305Number} is already recorded on bond ${taken.id}.`);
    const [c] = await tx
      .select({ lawyer: campaigns.lawyerUserId })
      .from(campaigns)
      .where(eq(campaigns.id, bond.campaignId));
    if (p.obligor.kind === "representative" && p.obligor.userId === c?.lawyer) {
      throw new AppError(
        "validation",
        "The campaign's own lawyer cannot be the obligor (bar ethics rules). Choose the fund or another representative.",
      );
    }
    await applyTransition(tx, bond, "post", {
      i305Number: p.i305Number,
      postedOn: p.postedOn,
      obligorKind: p.obligor.kind,
      obligorUserId: p.obligor.kind === "representative" ? p.obligor.userId : null,
    });
    await tx
      .update(campaigns)
      .set({ status: "bond_posted", updatedAt: new Date() })
      .where(eq(campaigns.id, bond.campaignId));
    const excess = await getBalance(tx, campaignAccount(bond.campaignId));
    if (excess > 0) {
      const meta = {
        idempotencyKey: `overflow:${bond.id}`,
        campaignId: bond.campaignId,
        memo: "Overfunding moved to the general pool after the bond was posted",
      };
      await postEntry(tx, reallocationEntry(meta, excess));
    }
    await audit(tx, {
      actorUserId: me.userId,
      action: "bond.posted",
      subjectType: "bond",
      subjectId: bond.id,
      details: { overflowCents: Math.max(0, excess) },
    });
    return { replayed: false };
  });
}
