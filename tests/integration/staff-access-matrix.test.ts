/**
 * Role × entry-point matrix for every lib function the staff pages and server
 * actions call. Pages and actions are thin, so this is where access is decided.
 * "ok" means the guard let the caller through (the call may still fail on its
 * input or state, which is irrelevant here).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listAuditLog } from "@/lib/admin/audit-log";
import { pendingLawyers, reviewDetail, reviewQueue } from "@/lib/admin/queues";
import type { Principal } from "@/lib/auth/roles";
import { proposePublicEdit, saveDraft } from "@/lib/campaigns/authoring";
import { recordCaseEventForm } from "@/lib/campaigns/case-event-form";
import { saveCampaignForm } from "@/lib/campaigns/draft-form";
import { lawyerCampaignDetail, listLawyerCampaigns, myLawyerProfile } from "@/lib/campaigns/lawyer-dashboard";
import { approveCampaign, returnCampaign } from "@/lib/campaigns/review";
import { reviewLawyer, submitLawyerProfile } from "@/lib/lawyers/profiles";
import { campaignFormData } from "../fixtures/campaign-form";
import { caseFileInput, publicInput } from "../fixtures/case-file";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

type Who = "anonymous" | "lawyer" | "otherLawyer" | "treasurer" | "admin";
type Outcome = "ok" | "unauthorized" | "forbidden" | "not_found";

let h: DbHandle;
const people = {} as Record<Who, Principal | null>;
let draftId: string, applicantId: string;

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@matrix.example", ["admin"]);
  people.anonymous = null;
  people.admin = admin;
  people.treasurer = await principal(h.db, "treasurer@matrix.example", ["treasurer"]);
  people.lawyer = await verifiedLawyer(h.db, "lawyer@matrix.example", admin);
  people.otherLawyer = await verifiedLawyer(h.db, "other@matrix.example", admin);
  const applicant = await principal(h.db, "applicant@matrix.example", []);
  applicantId = applicant.userId;
  await submitLawyerProfile(h.db, applicant, {
    fullName: "Ann Applicant",
    barNumber: "CA-1",
    barState: "CA",
    eoirId: "ZZ1234",
  });
  draftId = (await saveDraft(h.db, people.lawyer, { public: publicInput(), caseFile: caseFileInput() })).campaignId;
});
afterAll(async () => h?.close());

async function outcome(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    await fn();
    return "ok";
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === "unauthorized" || code === "forbidden" || code === "not_found" ? code : "ok";
  }
}

const ANON = "unauthorized" as const;
const NO = "forbidden" as const;
const HIDDEN = "not_found" as const;

// [anonymous, lawyer, otherLawyer, treasurer, admin]
const MATRIX: [string, (p: Principal | null) => Promise<unknown>, Outcome[]][] = [
  ["/lawyer listLawyerCampaigns", (p) => listLawyerCampaigns(h.db, p), [ANON, "ok", "ok", NO, NO]],
  ["/lawyer/profile myLawyerProfile", (p) => myLawyerProfile(h.db, p), [ANON, "ok", "ok", "ok", "ok"]],
  ["/lawyer/profile submitLawyerProfile", (p) => submitLawyerProfile(h.db, p, {}), [ANON, "ok", "ok", "ok", "ok"]],
  [
    "/lawyer/campaigns/[id] lawyerCampaignDetail",
    (p) => lawyerCampaignDetail(h.db, p, draftId),
    [ANON, "ok", HIDDEN, NO, NO],
  ],
  [
    "/lawyer/campaigns/new saveCampaignForm",
    (p) => saveCampaignForm(h.db, p, campaignFormData()),
    [ANON, "ok", "ok", NO, NO],
  ],
  [
    "/lawyer/campaigns/[id] saveCampaignForm",
    (p) => saveCampaignForm(h.db, p, campaignFormData({ campaignId: draftId })),
    [ANON, "ok", HIDDEN, NO, NO],
  ],
  [
    "/lawyer/campaigns/[id] proposePublicEdit",
    (p) => proposePublicEdit(h.db, p, draftId, publicInput()),
    [ANON, "ok", HIDDEN, NO, NO],
  ],
  [
    "/lawyer/campaigns/[id] recordCaseEventForm",
    (p) => recordCaseEventForm(h.db, p, draftId, toForm({ kind: "resumed" })),
    [ANON, "ok", HIDDEN, NO, NO],
  ],
  ["/admin pendingLawyers", (p) => pendingLawyers(h.db, p), [ANON, NO, NO, NO, "ok"]],
  ["/admin reviewQueue", (p) => reviewQueue(h.db, p), [ANON, NO, NO, NO, "ok"]],
  [
    "/admin reviewLawyer",
    (p) => reviewLawyer(h.db, p, { userId: applicantId, decision: "reject", reason: "" }),
    [ANON, NO, NO, NO, "ok"],
  ],
  ["/admin/reviews/[id] reviewDetail", (p) => reviewDetail(h.db, p, draftId), [ANON, NO, NO, NO, "ok"]],
  ["/admin/reviews/[id] approveCampaign", (p) => approveCampaign(h.db, p, draftId), [ANON, NO, NO, NO, "ok"]],
  ["/admin/reviews/[id] returnCampaign", (p) => returnCampaign(h.db, p, draftId, ""), [ANON, NO, NO, NO, "ok"]],
  ["/admin/audit listAuditLog", (p) => listAuditLog(h.db, p, {}), [ANON, NO, NO, NO, "ok"]],
];

function toForm(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
}

const WHO: Who[] = ["anonymous", "lawyer", "otherLawyer", "treasurer", "admin"];

describe("staff access matrix", () => {
  for (const [name, call, expected] of MATRIX) {
    it(`${name}: ${WHO.map((w, i) => `${w}=${expected[i]}`).join(" ")}`, async () => {
      const got: Outcome[] = [];
      for (const who of WHO) got.push(await outcome(() => call(people[who])));
      expect(got).toEqual(expected);
    });
  }

  it("an unknown campaign looks the same to its would-be lawyer as another lawyer's", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await outcome(() => lawyerCampaignDetail(h.db, people.lawyer, unknown))).toBe("not_found");
    expect(await outcome(() => reviewDetail(h.db, people.admin, unknown))).toBe("not_found");
  });
});
