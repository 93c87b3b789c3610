/** Issue 10 item 11: demo bonds read in date order: requested and approved before they were paid, not "today". */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { bondApprovals, bonds } from "@/db/schema";
import { isoDay } from "@/lib/dates";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
});
afterAll(async () => h?.close());

it("every demo bond was requested and approved on or before the day it was paid, never today", async () => {
  const rows = await h.db.select().from(bonds);
  expect(rows.length).toBeGreaterThan(0);
  const today = isoDay(new Date());
  for (const b of rows) {
    expect(b.paidOn).not.toBeNull();
    expect(isoDay(b.createdAt)).not.toBe(today);
    expect(isoDay(b.createdAt) <= b.paidOn!).toBe(true);
    for (const a of await h.db.select().from(bondApprovals).where(eq(bondApprovals.bondId, b.id)))
      expect(isoDay(a.approvedAt) <= b.paidOn!).toBe(true);
  }
});
