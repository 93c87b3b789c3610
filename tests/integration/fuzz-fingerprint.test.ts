/** The fuzz tests prove "nothing was written" by this fingerprint, so it must see any write: a new row, a changed one, a deleted one. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { stripePayouts } from "@/db/schema";
import { changedTables, fingerprint } from "../helpers/fuzz";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => h?.close());

describe("table fingerprint", () => {
  it("covers every table, and changes with an insert, an update that keeps the row count, and a delete", async () => {
    const start = await fingerprint(h.db);
    expect(Object.keys(start)).toEqual(
      expect.arrayContaining(["journal_entries", "ledger_postings", "stripe_payouts"]),
    );
    expect(changedTables(start, await fingerprint(h.db))).toEqual([]);

    await h.db.insert(stripePayouts).values({ id: "po_fp", amountCents: 100, status: "in_transit" });
    const inserted = await fingerprint(h.db);
    expect(changedTables(start, inserted)).toEqual(["stripe_payouts"]);

    await h.db.update(stripePayouts).set({ status: "paid" }).where(eq(stripePayouts.id, "po_fp"));
    const updated = await fingerprint(h.db);
    expect(changedTables(inserted, updated)).toEqual(["stripe_payouts"]);

    await h.db.delete(stripePayouts).where(eq(stripePayouts.id, "po_fp"));
    expect(changedTables(start, await fingerprint(h.db))).toEqual([]);
  });
});
