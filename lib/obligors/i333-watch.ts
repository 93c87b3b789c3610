/** The dashboard's watch on Form I-333: an address change ICE has not been told of. */
import { and, asc, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bondObligors, bonds, campaigns, obligorAddresses, obligors } from "@/db/schema";
import { now } from "@/lib/clock";
import { daysBefore, isoDay } from "@/lib/dates";

/** Days after an address change before a missing Form I-333 is flagged on the dashboard. */
const I333_WATCH_DAYS = 10;

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
