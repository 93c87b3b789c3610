/**
 * Obligors of record (DOMAIN.md step 6): the fund's own profile (set once by an
 * admin), people who post a bond, the address history with the I-333 filing
 * date, and which obligor a bond has from which date (posting, substitution).
 * Private like a case file: encrypted, every read and change audit-logged, ids
 * only in the audit details.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, isNull, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bondObligors, bonds, campaigns, obligorAddresses, obligors } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { staffDate } from "@/lib/bonds/bond-row";
import { now } from "@/lib/clock";
import { daysBefore, isoDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { seal, unseal } from "@/lib/notices/sealed";
import { parseOrThrow } from "@/lib/validation";
import { addressSchema, obligorSchema, type MailingAddress, type ObligorSecret } from "./input";

/** Days after an address change before a missing Form I-333 is flagged on the dashboard. */
const I333_WATCH_DAYS = 10;

const changeSchema = z.object({
  changedOn: staffDate("The date the address changed"),
  i333FiledOn: z.union([z.literal(""), staffDate("The I-333 filing date")]).optional(),
});

async function insertAddress(
  tx: Db,
  obligorId: string,
  address: MailingAddress,
  changedOn: string,
  i333: string | null,
  by: string,
) {
  const id = randomUUID();
  await tx.insert(obligorAddresses).values({
    id,
    obligorId,
    envelope: seal("obligor-address", id, address),
    changedOn,
    i333FiledOn: i333,
    createdBy: by,
  });
  return id;
}

/** Create an obligor with its first address of record. */
async function createObligor(
  tx: Db,
  me: Principal,
  input: Record<string, unknown>,
  opts: { fundDefault?: boolean } = {},
): Promise<string> {
  const o = parseOrThrow(obligorSchema, input);
  const a = parseOrThrow(addressSchema, input);
  const since = parseOrThrow(changeSchema, {
    changedOn: input.changedOn ?? isoDay(now()),
    i333FiledOn: input.i333FiledOn,
  });
  const id = randomUUID();
  const secret: ObligorSecret = {
    name: o.name,
    representative: o.representative,
    cebondsEmail: o.cebondsEmail,
    emailConsent: o.emailConsent,
  };
  await tx.insert(obligors).values({
    id,
    kind: o.kind,
    envelope: seal("obligor", id, secret),
    isFundDefault: Boolean(opts.fundDefault),
    updatedBy: me.userId,
  });
  // The first address is the one ICE has from the I-352 itself: no I-333 needed.
  await insertAddress(tx, id, a, since.changedOn, since.i333FiledOn || since.changedOn, me.userId);
  await audit(tx, {
    actorUserId: me.userId,
    action: "obligor.created",
    subjectType: "obligor",
    subjectId: id,
    details: { kind: o.kind },
  });
  return id;
}

export async function fundObligorId(db: Db): Promise<string | null> {
  const [row] = await db.select({ id: obligors.id }).from(obligors).where(eq(obligors.isFundDefault, true));
  return row?.id ?? null;
}

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
    const secret: ObligorSecret = {
      name: o.name,
      representative: o.representative,
      cebondsEmail: o.cebondsEmail,
      emailConsent: o.emailConsent,
    };
    await tx
      .update(obligors)
      .set({ envelope: seal("obligor", existing, secret), updatedBy: me.userId, updatedAt: new Date() })
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

async function currentBondObligor(db: Db, bondId: string) {
  const [row] = await db
    .select()
    .from(bondObligors)
    .where(eq(bondObligors.bondId, bondId))
    .orderBy(desc(bondObligors.fromOn), desc(bondObligors.createdAt))
    .limit(1);
  return row ?? null;
}

export interface ObligorView {
  obligorId: string;
  kind: "fund" | "person";
  secret: ObligorSecret;
  addresses: { id: string; address: MailingAddress; changedOn: string; i333FiledOn: string | null }[];
  /** The latest address: the one ICE writes to. */
  current: MailingAddress;
}

/** Decrypt one obligor (audit-logged as a read). */
export async function readObligor(db: Db, me: Principal, obligorId: string, reason: string): Promise<ObligorView> {
  const [o] = await db.select().from(obligors).where(eq(obligors.id, obligorId));
  if (!o) throw new AppError("not_found", "No obligor with that id.");
  const rows = await db
    .select()
    .from(obligorAddresses)
    .where(eq(obligorAddresses.obligorId, obligorId))
    .orderBy(asc(obligorAddresses.changedOn), asc(obligorAddresses.createdAt));
  const addresses = rows.map((r) => ({
    id: r.id,
    address: unseal<MailingAddress>("obligor-address", r.id, r.envelope),
    changedOn: r.changedOn,
    i333FiledOn: r.i333FiledOn,
  }));
  await audit(db, {
    actorUserId: me.userId,
    action: "obligor.read",
    subjectType: "obligor",
    subjectId: obligorId,
    details: { reason },
  });
  return {
    obligorId,
    kind: o.kind,
    secret: unseal<ObligorSecret>("obligor", o.id, o.envelope),
    addresses,
    current: addresses.at(-1)!.address,
  };
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

export interface MissingI333 {
  obligorId: string;
  addressId: string;
  kind: "fund" | "person";
  changedOn: string;
  daysSince: number;
  bondIds: string[];
  aliases: string[];
}

/** Address changes with no I-333 after 10 days (dashboard). Nothing decrypted: kind, dates and the bonds it affects. */
export async function missingI333(db: Db, at: Date = now()): Promise<MissingI333[]> {
  const cutoff = isoDay(daysBefore(at, I333_WATCH_DAYS));
  const rows = await db
    .select({
      addressId: obligorAddresses.id,
      obligorId: obligorAddresses.obligorId,
      changedOn: obligorAddresses.changedOn,
      kind: obligors.kind,
    })
    .from(obligorAddresses)
    .innerJoin(obligors, eq(obligors.id, obligorAddresses.obligorId))
    .where(and(isNull(obligorAddresses.i333FiledOn), lt(obligorAddresses.changedOn, cutoff)))
    .orderBy(asc(obligorAddresses.changedOn));
  const out: MissingI333[] = [];
  for (const r of rows) {
    const linked = await db
      .select({ bondId: bondObligors.bondId, alias: campaigns.alias })
      .from(bondObligors)
      .innerJoin(bonds, eq(bonds.id, bondObligors.bondId))
      .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
      .where(eq(bondObligors.obligorId, r.obligorId));
    out.push({
      ...r,
      daysSince: Math.floor(
        (Date.parse(`${isoDay(at)}T00:00:00Z`) - Date.parse(`${r.changedOn}T00:00:00Z`)) / 86_400_000,
      ),
      bondIds: [...new Set(linked.map((l) => l.bondId))],
      aliases: [...new Set(linked.map((l) => l.alias))],
    });
  }
  return out;
}
