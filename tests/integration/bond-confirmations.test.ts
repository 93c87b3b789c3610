/**
 * Issue 10 item 7: approve, pay and forfeit are confirmed after reading what they book; forfeiting
 * inside the appeal window needs an explicit "no appeal will be filed" with a reason, in the audit log.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, bonds } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { performBondAction } from "@/lib/bonds/bond-forms";
import { isoDay } from "@/lib/dates";
import { recordNotice } from "@/lib/notices/record-notice";
import { bondAt } from "../fixtures/bond-paths";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let who: { lawyer: Principal; t1: Principal; t2: Principal };

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@conf.example", ["admin"]);
  who = {
    lawyer: await verifiedLawyer(h.db, "lawyer@conf.example", admin),
    t1: await principal(h.db, "t1@conf.example", ["treasurer"]),
    t2: await principal(h.db, "t2@conf.example", ["treasurer"]),
  };
});
afterAll(async () => h?.close());

describe("confirmations", () => {
  it("an approval without the confirmation box changes nothing", async () => {
    const { bondId } = await bondAt(h.db, "requested", who);
    await expect(performBondAction(h.db, who.t1, bondId, "approve", {})).rejects.toMatchObject({
      code: "validation",
      details: { fieldErrors: { confirm: expect.any(String) } },
    });
    const [b] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    expect(b!.status).toBe("requested");
    await performBondAction(h.db, who.t1, bondId, "approve", { confirm: "on" });
  });

  it("a breach recorded today cannot be forfeited at once without 'no appeal will be filed' and a reason", async () => {
    const today = isoDay(new Date());
    const { bondId } = await bondAt(h.db, "posted", who, { postedOn: "2025-01-10" });
    await recordNotice(h.db, who.t1, bondId, { form: "I-323", servedOn: today, servedBy: "in_person" }, null);
    const forfeit = (extra: Record<string, string>) =>
      performBondAction(h.db, who.t1, bondId, "forfeit", { forfeitedOn: today, confirm: "on", ...extra });
    await expect(forfeit({})).rejects.toMatchObject({ code: "validation", message: /appeal window is open/ });
    await expect(forfeit({ noAppeal: "on", noAppealReason: "" })).rejects.toMatchObject({ code: "validation" });
    const [still] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    expect(still!.status).toBe("breached");
    await forfeit({ noAppeal: "on", noAppealReason: "Obligor confirmed in writing there are no grounds" });
    const [b] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    expect(b!.status).toBe("forfeited");
    const [a] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, bondId), eq(auditLog.action, "bond.forfeit_without_appeal")));
    expect(a!.details).toMatchObject({ reason: "Obligor confirmed in writing there are no grounds", daysLeft: 30 });
  });

  it("a mailed I-323 keeps the appeal window open 33 days: forfeiting on day 31 still needs 'no appeal'", async () => {
    const servedOn = isoDay(new Date(Date.now() - 31 * 86_400_000));
    const { bondId } = await bondAt(h.db, "posted", who, { postedOn: "2025-01-10" });
    await recordNotice(h.db, who.t1, bondId, { form: "I-323", servedOn, servedBy: "mail" }, null);
    const forfeitedOn = isoDay(new Date());
    await expect(
      performBondAction(h.db, who.t1, bondId, "forfeit", { forfeitedOn, confirm: "on" }),
    ).rejects.toMatchObject({ code: "validation", message: /appeal window is open/ });
    const [b] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    expect(b!.status).toBe("breached");
  });

  it("the bond page's old breach, I-391, appearance and claim forms are gone: only notices and recovery move those", async () => {
    const { bondId } = await bondAt(h.db, "posted", who, { postedOn: "2025-01-10" });
    for (const form of ["breach", "cancel", "appearance", "claimRefund"])
      await expect(
        performBondAction(h.db, who.t1, bondId, form, { i323On: "2025-02-01", i391On: "2025-02-01" }),
        form,
      ).rejects.toMatchObject({ code: "validation", message: "Unknown bond action." });
    const [b] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    expect(b!.status).toBe("posted");
  });
});
