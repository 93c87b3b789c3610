/**
 * Obligors of record (docs/domain.md, "People" and "The forms"): the fund's own profile (set once by an
 * admin), people who post a bond, the address history with the I-333 filing
 * date, and which obligor a bond has from which date (posting, substitution).
 * Private like a case file: encrypted, every read and change audit-logged, ids
 * only in the audit details. The records under these actions: records.ts.
 */
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bondObligors, bonds, obligorAddresses, obligors } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { staffDate } from "@/lib/bonds/bond-row";
import { AppError } from "@/lib/errors";
import { seal } from "@/lib/notices/sealed";
import { parseOrThrow } from "@/lib/validation";
import { addressSchema, obligorSchema } from "./input";
import {
  changeSchema,
  createObligor,
  currentBondObligor,
  fundObligorId,
  insertAddress,
  readObligor,
  secretOf,
} from "./records";

/** The admin's settings page: create the fund's obligor profile, or update its name, representative, email, consent. */
export async function saveFundObligor(
  db: Db,
  actor: Principal | null,
  input: Record<string, unknown>,
): Promise<string> {
  const me = requireRole(actor, "admin");
  return db.transaction(async (tx) => {
    const existing = await fundObligorId(tx);
    if (!existing) return createObligor(tx, me, { ...input, kind: "fund" }, { fundDefault: true });
    const o = parseOrThrow(obligorSchema, { ...input, kind: "fund" });
    await tx
      .update(obligors)
      .set({ envelope: seal("obligor", existing, secretOf(o)), updatedBy: me.userId, updatedAt: new Date() })
      .where(eq(obligors.id, existing));
    await audit(tx, { actorUserId: me.userId, action: "obligor.updated", subjectType: "obligor", subjectId: existing });
    return existing;
  });
}

/** A new address of record; the I-333 date may come later (recordI333). */
export async function changeAddress(
  db: Db,
  actor: Principal | null,
  obligorId: string,
  input: Record<string, unknown>,
): Promise<string> {
  const me = requireRole(actor, "treasurer", "admin");
  const a = parseOrThrow(addressSchema, input);
  const c = parseOrThrow(changeSchema, input);
  return db.transaction(async (tx) => {
    const [o] = await tx.select({ id: obligors.id }).from(obligors).where(eq(obligors.id, obligorId)).for("update");
    if (!o) throw new AppError("not_found", "No obligor with that id.");
    const id = await insertAddress(tx, obligorId, a, c.changedOn, c.i333FiledOn || null, me.userId);
    await audit(tx, {
      actorUserId: me.userId,
      action: "obligor.address_changed",
      subjectType: "obligor",
      subjectId: obligorId,
      details: { addressId: id, i333: Boolean(c.i333FiledOn) },
    });
    return id;
  });
}

export async function recordI333(
  db: Db,
  actor: Principal | null,
  addressId: string,
  input: Record<string, unknown>,
): Promise<void> {
  const me = requireRole(actor, "treasurer", "admin");
  const p = parseOrThrow(z.object({ i333FiledOn: staffDate("The I-333 filing date") }), input);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(obligorAddresses).where(eq(obligorAddresses.id, addressId)).for("update");
    if (!row) throw new AppError("not_found", "No address change with that id.");
    if (row.i333FiledOn) throw new AppError("conflict", "The I-333 for this address is already recorded.");
    if (p.i333FiledOn < row.changedOn)
      throw new AppError("validation", "The I-333 filing date cannot be before the address change it reports.");
    await tx.update(obligorAddresses).set({ i333FiledOn: p.i333FiledOn }).where(eq(obligorAddresses.id, addressId));
    await audit(tx, {
      actorUserId: me.userId,
      action: "obligor.i333_filed",
      subjectType: "obligor",
      subjectId: row.obligorId,
      details: { addressId },
    });
  });
}

/** Attach the obligor when the payment is recorded: the one chosen, or the fund's own profile. */
export async function attachObligorAtPayment(
  tx: Db,
  me: Principal,
  bondId: string,
  obligorId: string | null | undefined,
  fromOn: string,
): Promise<string | null> {
  const id = obligorId || (await fundObligorId(tx));
  if (!id) return null; // no profile yet: the bond page asks an admin to set the fund's
  const [o] = await tx.select({ id: obligors.id }).from(obligors).where(eq(obligors.id, id));
  if (!o)
    throw new AppError("validation", "The obligor chosen does not exist; choose the fund or add the person first.");
  await tx.insert(bondObligors).values({ bondId, obligorId: id, fromOn, reason: "posted", createdBy: me.userId });
  await audit(tx, {
    actorUserId: me.userId,
    action: "obligor.attached",
    subjectType: "bond",
    subjectId: bondId,
    details: { obligorId: id },
  });
  return id;
}

/** A substitution of obligor (a representative leaves, a fund merges): a new person or the fund, from a date. */
export async function substituteObligor(
  db: Db,
  actor: Principal | null,
  bondId: string,
  input: Record<string, unknown>,
): Promise<string> {
  const me = requireRole(actor, "treasurer");
  const p = parseOrThrow(
    z.object({
      fromOn: staffDate("The substitution date"),
      to: z.enum(["fund", "person"], { error: "Substitute the fund or a new person." }),
    }),
    input,
  );
  return db.transaction(async (tx) => {
    const [b] = await tx
      .select({ id: bonds.id, status: bonds.status })
      .from(bonds)
      .where(eq(bonds.id, bondId))
      .for("update");
    if (!b) throw new AppError("not_found", "No bond with that id.");
    if (["requested", "approved", "refunded", "forfeited"].includes(b.status))
      throw new AppError("conflict", `A bond that is ${b.status} has no obligor to substitute.`);
    const current = await currentBondObligor(tx, bondId);
    if (current && p.fromOn < current.fromOn)
      throw new AppError(
        "validation",
        `The substitution date cannot be before the current obligor's start (${current.fromOn}).`,
      );
    const obligorId =
      p.to === "fund" ? await fundObligorId(tx) : await createObligor(tx, me, { ...input, kind: "person" });
    if (!obligorId)
      throw new AppError(
        "validation",
        "The fund has no obligor profile yet: an admin sets it in Admin → Fund obligor.",
      );
    if (current?.obligorId === obligorId) throw new AppError("conflict", "That is already the bond's obligor.");
    await tx
      .insert(bondObligors)
      .values({ bondId, obligorId, fromOn: p.fromOn, reason: "substitution", createdBy: me.userId });
    await audit(tx, {
      actorUserId: me.userId,
      action: "obligor.substituted",
      subjectType: "bond",
      subjectId: bondId,
      details: { obligorId },
    });
    return obligorId;
  });
}

/** The bond's obligor history, newest last, with the current one decrypted; treasurers and admins only. */
export async function bondObligorView(db: Db, actor: Principal | null, bondId: string) {
  const me = requireRole(actor, "treasurer", "admin");
  const history = await db
    .select()
    .from(bondObligors)
    .where(eq(bondObligors.bondId, bondId))
    .orderBy(asc(bondObligors.fromOn), asc(bondObligors.createdAt));
  const last = history.at(-1);
  const current = last ? await readObligor(db, me, last.obligorId, `bond:${bondId}`) : null;
  return { history: history.map((h) => ({ obligorId: h.obligorId, fromOn: h.fromOn, reason: h.reason })), current };
}
