/** Shared by every bond operation: lock the bond row, check the transition, write the new state. */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bonds } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { nextStatus, type BondAction } from "./state-machine";

export type BondRow = typeof bonds.$inferSelect;

export async function lockBond(tx: Db, bondId: string): Promise<BondRow> {
  if (!z.uuid().safeParse(bondId).success) throw new AppError("validation", "Bond id must be a UUID.");
  const [b] = await tx.select().from(bonds).where(eq(bonds.id, bondId)).for("update");
  if (!b) throw new AppError("not_found", `Bond ${bondId} does not exist.`);
  return b;
}

export async function applyTransition(
  tx: Db,
  bond: BondRow,
  action: BondAction,
  set: Partial<typeof bonds.$inferInsert> = {},
): Promise<BondRow> {
  const status = nextStatus(bond.status, action);
  const [row] = await tx
    .update(bonds)
    .set({ ...set, status, updatedAt: new Date() })
    .where(eq(bonds.id, bond.id))
    .returning();
  return row!;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A date a treasurer enters: real, not in the future, not before `notBefore` (named in the message). */
export function staffDate(field: string, notBefore?: { value: string | null; name: string }) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date (YYYY-MM-DD).`)
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      `${field} is not a real calendar date.`,
    )
    .refine((s) => s <= today(), `${field} cannot be in the future.`)
    .refine(
      (s) => !notBefore?.value || s >= notBefore.value,
      `${field} cannot be before the ${notBefore?.name ?? "previous date"} (${notBefore?.value ?? ""}).`,
    );
}
