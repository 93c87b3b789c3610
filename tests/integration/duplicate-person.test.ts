import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { duplicatePeople } from "@/lib/admin/duplicates";
import { reviewQueue } from "@/lib/admin/queues";
import type { Principal } from "@/lib/auth/roles";
import { submitForReview } from "@/lib/campaigns/authoring";
import { saveCampaignForm } from "@/lib/campaigns/draft-form";
import { lawyerCampaignDetail, listLawyerCampaigns } from "@/lib/campaigns/lawyer-dashboard";
import { campaignFormData } from "../fixtures/campaign-form";
import { CANARY_NEEDLES } from "../fixtures/case-file";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

// Issue 11, finding 8: typing another lawyer's client's A-number must not tell the lawyer that
// the person is already a client. The save looks exactly like any other; the admin is told.

let h: DbHandle;
let admin: Principal, first: Principal, second: Principal;
let theirs: string;

beforeAll(async () => {
  h = await createTestDb();
  admin = await principal(h.db, "admin@dupe.example", ["admin"]);
  first = await verifiedLawyer(h.db, "first@dupe.example", admin);
  second = await verifiedLawyer(h.db, "second@dupe.example", admin);
  theirs = (await saveCampaignForm(h.db, first, campaignFormData({ aNumber: "A208-771-934" }))).campaignId;
});
afterAll(async () => h?.close());

/** Everything the lawyer sees after saving, minus ids and dates, which differ anyway. */
async function whatTheLawyerSees(lawyer: Principal, aNumber: string, alias: string) {
  const saved = await saveCampaignForm(h.db, lawyer, campaignFormData({ aNumber, alias }));
  const list = (await listLawyerCampaigns(h.db, lawyer)).find((c) => c.id === saved.campaignId)!;
  const detail = await lawyerCampaignDetail(h.db, lawyer, saved.campaignId);
  const { campaignId: _c, ...result } = saved;
  const { id: _i, slug: _s, alias: _a, ...row } = list;
  return {
    saved,
    view: JSON.stringify({ result, row, extra: { ...detail, campaign: undefined, caseFile: undefined } }),
  };
}

describe("finding 8: no A-number oracle for lawyers", () => {
  it("saving another lawyer's client's A-number looks the same as saving a new one", async () => {
    const fresh = await whatTheLawyerSees(second, "A987-654-321", "Nadia");
    const dupe = await whatTheLawyerSees(second, "208 771 934", "Nadia");
    expect(dupe.view).toBe(fresh.view);
    expect(dupe.view).not.toMatch(/already|same A-number|another campaign/i);
    expect(dupe.saved.warnings).toEqual(fresh.saved.warnings);
  });

  it("submitting it also says nothing to the lawyer", async () => {
    const r = await saveCampaignForm(h.db, second, campaignFormData({ aNumber: "A208771934", intent: "submit" }));
    expect(r.submitted).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/already|same A-number|another campaign/i);
  });

  it("tells the admin: a duplicate-person flag in the review queue, and the list of possible same people", async () => {
    const groups = await duplicatePeople(h.db, admin);
    expect(groups).toHaveLength(1);
    const ids = groups[0]!.campaigns.map((c) => c.id);
    expect(ids).toContain(theirs);
    expect(ids.length).toBe(3);
    expect(new Set(groups[0]!.campaigns.map((c) => c.lawyer))).toEqual(
      new Set(["Test Lawyer (first@dupe.example)", "Test Lawyer (second@dupe.example)"]),
    );
    for (const n of CANARY_NEEDLES) expect(JSON.stringify(groups)).not.toContain(n);
    const queue = await reviewQueue(h.db, admin);
    expect(queue.find((q) => q.duplicateCount > 0)).toBeDefined();
  });

  it("only admins see the duplicate list", async () => {
    await expect(duplicatePeople(h.db, second)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a lawyer is still told about a second campaign of their own for the same person", async () => {
    const again = await saveCampaignForm(h.db, first, campaignFormData({ aNumber: "A208-771-934", alias: "Otro" }));
    expect(again.warnings.join(" ")).toMatch(/Another of your campaigns/);
    await expect(submitForReview(h.db, first, again.campaignId)).resolves.toBeDefined();
  });
});
