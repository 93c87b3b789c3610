import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listAuditLog } from "@/lib/admin/audit-log";
import { pendingLawyers, reviewDetail, reviewQueue } from "@/lib/admin/queues";
import { saveDraft, submitForReview } from "@/lib/campaigns/authoring";
import { saveCampaignForm } from "@/lib/campaigns/draft-form";
import { lawyerCampaignDetail, listLawyerCampaigns, myLawyerProfile } from "@/lib/campaigns/lawyer-dashboard";
import { approveCampaign } from "@/lib/campaigns/review";
import type { Principal } from "@/lib/auth/roles";
import { submitLawyerProfile } from "@/lib/lawyers/profiles";
import { postEntry } from "@/lib/ledger";
import { campaignFormData } from "../fixtures/campaign-form";
import { CANARY, CANARY_NEEDLES, caseFileInput, publicInput } from "../fixtures/case-file";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let admin: Principal, lawyer: Principal, other: Principal, applicant: Principal;
let mine: string, theirs: string;

const form = campaignFormData;

beforeAll(async () => {
  h = await createTestDb();
  admin = await principal(h.db, "admin@staff.example", ["admin"]);
  lawyer = await verifiedLawyer(h.db, "lawyer@staff.example", admin);
  other = await verifiedLawyer(h.db, "other@staff.example", admin);
  applicant = await principal(h.db, "applicant@staff.example", []);
  await submitLawyerProfile(h.db, applicant, {
    fullName: "Ada Applicant",
    barNumber: "TX-4242",
    barState: "TX",
    eoirId: "QQ1234",
  });
  mine = (await saveDraft(h.db, lawyer, { public: publicInput(), caseFile: caseFileInput() })).campaignId;
  theirs = (
    await saveDraft(h.db, other, {
      public: publicInput({ alias: "Rosa" }),
      caseFile: caseFileInput({ aNumber: "A111-222-333" }),
    })
  ).campaignId;
});
afterAll(async () => h?.close());

describe("lawyer dashboard", () => {
  it("lists only the lawyer's own campaigns, with ledger figures and no case-file values", async () => {
    await submitForReview(h.db, lawyer, mine);
    await approveCampaign(h.db, admin, mine);
    await postEntry(h.db, {
      kind: "donation",
      idempotencyKey: "g1",
      campaignId: mine,
      debits: [{ account: "stripe", amount: 5_000 }],
      credits: [{ account: `campaign:${mine}`, amount: 5_000 }],
    });
    const rows = await listLawyerCampaigns(h.db, lawyer);
    expect(rows.map((r) => r.id)).toEqual([mine]);
    expect(rows[0]).toMatchObject({ status: "live", raisedCents: 5_000, balanceCents: 5_000, goalCents: 1_500_000 });
    expect(rows[0]!.publishedAt).toBeInstanceOf(Date);
    for (const n of CANARY_NEEDLES) expect(JSON.stringify(rows)).not.toContain(n);
    expect((await listLawyerCampaigns(h.db, other)).map((r) => r.id)).toEqual([theirs]);
  });

  it("hides another lawyer's campaign as not found", async () => {
    await expect(lawyerCampaignDetail(h.db, other, mine)).rejects.toMatchObject({ code: "not_found" });
    const d = await lawyerCampaignDetail(h.db, other, theirs);
    expect(d.caseFile?.legalName).toBe(CANARY.legalName);
  });

  it("shows an applicant their own pending profile", async () => {
    expect(await myLawyerProfile(h.db, applicant)).toMatchObject({ status: "pending", fullName: "Ada Applicant" });
    expect(await myLawyerProfile(h.db, admin)).toBeNull();
  });
});

describe("campaign form", () => {
  it("reports public and private field problems together, in words, without echoing values", async () => {
    const err = await saveCampaignForm(
      h.db,
      lawyer,
      form({ alias: "", aNumber: "A12", bondAmount: "12.345", consentStory: "" }),
    ).catch((e) => e);
    expect(err.details.fieldErrors).toMatchObject({
      alias: expect.stringMatching(/Alias/),
      aNumber: expect.stringMatching(/8 or 9 digits/),
      bondAmount: expect.stringMatching(/dollar amount/),
      consentStory: expect.stringMatching(/consent/),
    });
    for (const n of CANARY_NEEDLES) expect(err.message).not.toContain(n);
  });

  it("refuses to store public text holding a case-file value, then saves, flags the duplicate A-number and submits", async () => {
    const refused = await saveCampaignForm(
      h.db,
      lawyer,
      form({
        intent: "submit",
        story: `${CANARY.legalName} has been detained since the autumn and cannot pay the bond set by the judge.`,
      }),
    ).catch((e) => e);
    expect(refused.details?.findings).toEqual(expect.arrayContaining([expect.objectContaining({ field: "Story" })]));
    const saved = await saveCampaignForm(h.db, lawyer, form({ intent: "save" }));
    expect(saved.submitted).toBe(false);
    expect(saved.warnings.join(" ")).toMatch(/same person/);
    const fixed = await saveCampaignForm(h.db, lawyer, form({ intent: "submit", campaignId: saved.campaignId }));
    expect(fixed).toMatchObject({ campaignId: saved.campaignId, submitted: true });
  });
});

describe("admin queues", () => {
  it("lists pending lawyers and campaigns awaiting review with flags only", async () => {
    expect((await pendingLawyers(h.db, admin)).map((l) => l.fullName)).toEqual(["Ada Applicant"]);
    const queue = await reviewQueue(h.db, admin);
    expect(queue.map((q) => q.kind)).toEqual(["new campaign"]);
    expect(queue[0]!.duplicateCount).toBe(1);
    for (const n of CANARY_NEEDLES) expect(JSON.stringify(queue)).not.toContain(n);
    const detail = await reviewDetail(h.db, admin, queue[0]!.id);
    expect(detail.caseFile?.aNumber).toBe("208771934");
    expect(detail.awaiting).toBe(true);
  });
});

describe("audit log", () => {
  it("filters by action prefix, subject and actor, newest first, 50 a page", async () => {
    const reads = await listAuditLog(h.db, admin, { action: "case_file.read" });
    expect(reads.rows.length).toBeGreaterThan(0);
    expect(reads.rows.every((r) => r.action.startsWith("case_file.read"))).toBe(true);
    const times = reads.rows.map((r) => r.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const bySubject = await listAuditLog(h.db, admin, { subject: mine });
    expect(bySubject.rows.every((r) => r.subjectId === mine)).toBe(true);
    const byActor = await listAuditLog(h.db, admin, { actor: "other@staff" });
    expect(byActor.rows.length).toBeGreaterThan(0);
    expect(byActor.rows.every((r) => r.actorUserId === other.userId)).toBe(true);
    const all = await listAuditLog(h.db, admin, { page: "1" });
    expect(all.rows.length).toBeLessThanOrEqual(50);
    expect(all.pageCount).toBe(Math.max(1, Math.ceil(all.total / 50)));
    for (const n of CANARY_NEEDLES) expect(JSON.stringify(all.rows)).not.toContain(n);
  });
});
