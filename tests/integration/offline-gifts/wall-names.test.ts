// A name a treasurer types for a check is a donor's wall name like any other: public only after an
// admin approves it, and the PII guard stops a detainee's name (issue 11, finding 2; issue 15, item 3).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { campaigns } from "@/db/schema";
import { decideDonorNames } from "@/lib/admin/donor-name-decisions";
import { donorNameQueue, donorNamesWaiting } from "@/lib/admin/donor-names";
import type { Principal } from "@/lib/auth/roles";
import { saveDraft } from "@/lib/campaigns/authoring";
import { listDonorWall } from "@/lib/campaigns/campaign-page";
import { recordOfflineGift } from "@/lib/offline-gifts/record";
import { reverseOfflineGift } from "@/lib/offline-gifts/reverse";
import { CANARY, caseFileInput, publicInput } from "../../fixtures/case-file";
import { principal, verifiedLawyer } from "../../fixtures/people";
import { createTestDb } from "../../helpers/test-db";
import { daysFromToday } from "./helpers";

let h: DbHandle;
let admin: Principal, treasurer: Principal;
let campaignId: string;
beforeAll(async () => {
  h = await createTestDb();
  admin = await principal(h.db, "admin@owall.example", ["admin"]);
  treasurer = await principal(h.db, "treasurer@owall.example", ["treasurer"]);
  const lawyer = await verifiedLawyer(h.db, "lawyer@owall.example", admin);
  campaignId = (await saveDraft(h.db, lawyer, { public: publicInput(), caseFile: caseFileInput() })).campaignId;
  await h.db.update(campaigns).set({ status: "live" }).where(eq(campaigns.id, campaignId));
});
afterAll(async () => h?.close());

let n = 0;
const record = (donorName: string, showOnWall: boolean) =>
  recordOfflineGift(h.db, treasurer, {
    method: "check",
    donorName,
    amount: "40",
    receivedOn: daysFromToday(-1),
    reference: `50${n++}`,
    campaign: campaignId,
    showOnWall: showOnWall ? "on" : "",
  });
const wall = () => listDonorWall(h.db, campaignId, { showAmounts: true, limit: 100 });

describe("offline gifts on the donor wall", () => {
  it("shows an offline gift as anonymous, or as 'a donor' until its name is approved; the guard refuses a detainee's name", async () => {
    const anon = await record("Private Person", false);
    const named = await record("Friends of the parish", true);
    const detainee = await record(CANARY.legalName, true);
    const w = await wall();
    expect(w.find((x) => x.id === anon.id)).toMatchObject({
      displayName: null,
      nameAwaitingReview: false,
      giftCents: 4000,
    });
    expect(w.find((x) => x.id === named.id)).toMatchObject({ displayName: null, nameAwaitingReview: true });
    expect(JSON.stringify(w)).not.toContain("Private Person");
    expect(JSON.stringify(w)).not.toContain(CANARY.legalName);

    const queue = await donorNameQueue(h.db, admin);
    expect(queue.map((q) => q.donationId).sort()).toEqual([named.id, detainee.id].sort());
    expect(queue.find((q) => q.donationId === detainee.id)!.blocked.length).toBeGreaterThan(0);
    expect(await donorNamesWaiting(h.db, admin)).toBe(2);
    await expect(donorNameQueue(h.db, treasurer)).rejects.toMatchObject({ code: "forbidden" });

    expect(await decideDonorNames(h.db, admin, { donationIds: [named.id, detainee.id], decision: "approve" })).toEqual({
      approved: 1,
      rejected: 0,
      refused: 1,
    });
    const after = await wall();
    expect(after.find((x) => x.id === named.id)!.displayName).toBe("Friends of the parish");
    expect(JSON.stringify(after)).not.toContain(CANARY.legalName);
  });

  it("takes a reversed gift off the wall and out of the queue", async () => {
    const g = await record("Reversed Donor", true);
    expect((await wall()).some((x) => x.id === g.id)).toBe(true);
    await reverseOfflineGift(h.db, treasurer, { giftId: g.id, reason: "recorded twice" });
    expect((await wall()).some((x) => x.id === g.id)).toBe(false);
    expect((await donorNameQueue(h.db, admin)).some((q) => q.donationId === g.id)).toBe(false);
  });
});
