/**
 * Obligor records below the role-checked actions of store.ts: an obligor and its first address,
 * an address row, the fund's own profile, the bond's current obligor, and the audited decryption
 * of one obligor. Private like a case file: encrypted, every read and change audit-logged.
 */
import { randomUUID } from "node:crypto";
import { asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bondObligors, obligorAddresses, obligors } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Principal } from "@/lib/auth/roles";
import { staffDate } from "@/lib/bonds/bond-row";
import { now } from "@/lib/clock";
import { isoDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { seal, unseal } from "@/lib/notices/sealed";
import { parseOrThrow } from "@/lib/validation";
import { addressSchema, obligorSchema, type MailingAddress, type ObligorSecret } from "./input";

export const changeSchema = z.object({
  changedOn: staffDate("The date the address changed"),
  i333FiledOn: z.union([z.literal(""), staffDate("The I-333 filing date")]).optional(),
});

/** The encrypted part of a validated obligor. */
export function secretOf(o: z.infer<typeof obligorSchema>): ObligorSecret {
  return { name: o.name, representative: o.representative, cebondsEmail: o.cebondsEmail, emailConsent: o.emailConsent };
}

export async function insertAddress(
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
export async function createObligor(
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
  await tx.insert(obligors).values({
    id,
    kind: o.kind,
    envelope: seal("obligor", id, secretOf(o)),
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

export async function currentBondObligor(db: Db, bondId: string) {
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
