/** Closing deadlines when the bond moves on, and the service method of the I-323 (it sets the appeal window). */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bondNotices } from "@/db/schema";
import { now } from "@/lib/clock";
import type { DeadlineKind, ServiceMethod } from "./deadlines";

/** Close a bond's open deadlines of these kinds (the appeal was filed, the claim mailed, the person delivered). */
export async function resolveDeadlines(tx: Db, bondId: string, kinds: DeadlineKind[], at: Date = now()): Promise<void> {
  for (const kind of kinds)
    await tx
      .update(bondNotices)
      .set({ resolvedAt: at })
      .where(and(eq(bondNotices.bondId, bondId), eq(bondNotices.deadlineKind, kind), isNull(bondNotices.resolvedAt)));
}

/** How the bond's latest I-323 was served, or null when it was recorded without a notice (older bonds). */
export async function i323ServedBy(tx: Db, bondId: string): Promise<ServiceMethod | null> {
  const [row] = await tx
    .select({ servedBy: bondNotices.servedBy })
    .from(bondNotices)
    .where(and(eq(bondNotices.bondId, bondId), eq(bondNotices.form, "I-323")))
    .orderBy(desc(bondNotices.servedOn))
    .limit(1);
  return row?.servedBy ?? null;
}

/** i323ServedBy for many bonds in one query (the dashboard's breached bonds): bond id → method. */
export async function i323ServedByBonds(tx: Db, bondIds: string[]): Promise<Map<string, ServiceMethod | null>> {
  if (!bondIds.length) return new Map();
  const rows = await tx
    .selectDistinctOn([bondNotices.bondId], { bondId: bondNotices.bondId, servedBy: bondNotices.servedBy })
    .from(bondNotices)
    .where(and(inArray(bondNotices.bondId, bondIds), eq(bondNotices.form, "I-323")))
    .orderBy(asc(bondNotices.bondId), desc(bondNotices.servedOn));
  return new Map(rows.map((r) => [r.bondId, r.servedBy ?? null]));
}
