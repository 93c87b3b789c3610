/**
 * Refund recovery: the claim packet's text (extracted from the PDF), the claim
 * mailed with its tracking number, follow-ups, the 90/180/365-day alerts and
 * the FOIA draft, and the money at ICE by age with the interest expected.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, bonds, interestRates, refundClaims, refundFollowups } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { recordNotice } from "@/lib/notices/record-notice";
import { saveFundObligor } from "@/lib/obligors/store";
import { moneyAtIceByAge } from "@/lib/recovery/aging-report";
import { logFollowup, recordClaimMailed, recoveryView, refundAlerts } from "@/lib/recovery/claims";
import { foiaRequestDraft, refundClaimPacket } from "@/lib/recovery/packet";
import { bondAt } from "../fixtures/bond-paths";
import { principal, verifiedLawyer } from "../fixtures/people";
import { pdfText } from "../helpers/pdf-text";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let who: { lawyer: Principal; t1: Principal; t2: Principal };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@rr.test", ["admin"]);
  who = {
    lawyer: await verifiedLawyer(h.db, "lawyer@rr.test", admin),
    t1: await principal(h.db, "t1@rr.test", ["treasurer"]),
    t2: await principal(h.db, "t2@rr.test", ["treasurer"]),
  };
  await saveFundObligor(h.db, admin, {
    name: "Prairie Bond Fund",
    representative: "Ana Treasurer",
    cebondsEmail: "cebonds@prairie.example",
    line1: "12 Elm Street, Suite 4",
    city: "Denver",
    state: "CO",
    zip: "80202",
  });
  // Rates for every quarter the bonds below live through (3% a year).
  for (let y = 2018; y <= 2027; y++)
    for (const m of ["01", "04", "07", "10"])
      await h.db
        .insert(interestRates)
        .values({ quarterStart: `${y}-${m}-01`, rateBps: 300 })
        .onConflictDoNothing();
});
afterAll(async () => h?.close());

describe("refund-claim packet", () => {
  it("is a PDF whose text has the bond and I-305 numbers, the obligor's address of record and the checklist", async () => {
    const { bondId } = await bondAt(h.db, "posted", who, { postedOn: inDays(-400) });
    await expect(refundClaimPacket(h.db, who.t1, bondId)).rejects.toThrow(/needs the I-391 first/);
    await recordNotice(h.db, who.t1, bondId, { form: "I-391", servedOn: inDays(-3), servedBy: "mail" }, null);
    const [b] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    const pdf = await refundClaimPacket(h.db, who.t1, bondId);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    expect(text).toContain(b!.i305Number!);
    expect(text).toContain(bondId);
    expect(text).toContain("Debt Management Center");
    expect(text).toContain("Williston, VT");
    expect(text).toContain("Prairie Bond Fund");
    expect(text).toContain("12 Elm Street, Suite 4, Denver, CO 80202");
    expect(text).toMatch(/I-395.*notary/);
    expect(text).toMatch(/I-312.*someone other than the obligor/);
    await expect(refundClaimPacket(h.db, who.lawyer, bondId)).rejects.toMatchObject({ code: "forbidden" });
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, "recovery.packet_generated"));
    expect(audits.length).toBe(1);
    expect(JSON.stringify(audits)).not.toContain("Elm Street");
  });

  it("records the claim mailed and follow-ups, encrypted, then alerts at 90/180/365 days and drafts a FOIA request", async () => {
    const { bondId } = await bondAt(h.db, "posted", who, { postedOn: inDays(-800) });
    await recordNotice(h.db, who.t1, bondId, { form: "I-391", servedOn: inDays(-420), servedBy: "mail" }, null);
    await expect(
      recordClaimMailed(h.db, who.t1, bondId, { mailedOn: inDays(-400), trackingNumber: "x" }),
    ).rejects.toThrow(/tracking number/);
    await recordClaimMailed(h.db, who.t1, bondId, {
      mailedOn: inDays(-400),
      trackingNumber: "9400 1000 0000 0000 0000 00",
    });
    const [claim] = await h.db.select().from(refundClaims).where(eq(refundClaims.bondId, bondId));
    expect(claim!.trackingEnvelope).not.toContain("9400");
    await logFollowup(h.db, who.t1, bondId, {
      channel: "call",
      occurredOn: inDays(-100),
      who: "DMC bond desk",
      said: "Claim received, in queue.",
    });
    const [f] = await h.db.select().from(refundFollowups).where(eq(refundFollowups.bondId, bondId));
    expect(f!.envelope).not.toContain("queue");
    const view = await recoveryView(h.db, who.t2, bondId);
    expect(view).toMatchObject({ mailedOn: inDays(-400), trackingNumber: "9400 1000 0000 0000 0000 00" });
    expect(view.followups[0]).toMatchObject({ channel: "call", who: "DMC bond desk" });

    const alert = (await refundAlerts(h.db)).find((a) => a.bondId === bondId)!;
    expect(alert).toMatchObject({ level: 365, foia: true, lastFollowupOn: inDays(-100) });
    const at100 = new Date(Date.now() - 300 * 86_400_000); // 100 days after mailing
    expect((await refundAlerts(h.db, at100)).find((a) => a.bondId === bondId)!.level).toBe(90);
    const at50 = new Date(Date.now() - 350 * 86_400_000);
    expect((await refundAlerts(h.db, at50)).find((a) => a.bondId === bondId)).toBeUndefined();

    const foia = (await pdfText(await foiaRequestDraft(h.db, who.t1, bondId))).replace(/\s+/g, " ");
    const [b] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    expect(foia).toContain("Freedom of Information Act");
    expect(foia).toContain(b!.i305Number!);
  });
});

describe("money at ICE by age", () => {
  it("buckets open bonds by years since the I-305, with the interest expected to date", async () => {
    const before = await moneyAtIceByAge(h.db);
    await bondAt(h.db, "posted", who, { postedOn: inDays(-3 * 365), amountCents: 500_000 });
    const after = await moneyAtIceByAge(h.db);
    const row = (r: typeof after, k: string) => r.rows.find((x) => x.bucket === k)!;
    expect(row(after, "y2to5").count).toBe(row(before, "y2to5").count + 1);
    expect(row(after, "y2to5").principalCents).toBe(row(before, "y2to5").principalCents + 500_000);
    // About 3 years at 3% on $5,000: $450, give or take the leap day.
    const added = row(after, "y2to5").interestCents! - row(before, "y2to5").interestCents!;
    expect(added).toBeGreaterThan(44_500);
    expect(added).toBeLessThan(45_500);
    expect(after.totalCents).toBe(before.totalCents + 500_000);
  });
});
