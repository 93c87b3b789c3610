import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { proposePublicEdit, saveDraft, submitForReview } from "@/lib/campaigns/authoring";
import { recordCaseEvent } from "@/lib/campaigns/case-events";
import { listCampaignCards } from "@/lib/campaigns/queries";
import { approveCampaign, returnCampaign } from "@/lib/campaigns/review";
import { readCaseFile } from "@/lib/case-files/store";
import { reviewLawyer, submitLawyerProfile } from "@/lib/lawyers/profiles";
import { CANARY, CANARY_NEEDLES, caseFileInput, publicInput } from "../fixtures/case-file";
import { principal, staffCast } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let admin: Principal, lawyer: Principal, other: Principal, treasurer: Principal;

beforeAll(async () => {
  h = await createTestDb();
  ({ admin, treasurer, lawyer, other } = await staffCast(h.db));
});
afterAll(async () => h?.close());

const count = async (table: string) =>
  Number(rowsOf<{ n: number }>(await h.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n);

describe("lawyer onboarding", () => {
  it("gives the lawyer role only on verification, and needs a reason to reject", async () => {
    const applicant = await principal(h.db, "new@test.example", []);
    await submitLawyerProfile(h.db, applicant, {
      fullName: "New Lawyer",
      barNumber: "CA-999",
      barState: "CA",
      eoirId: "ZZ9911",
      firm: "",
    });
    await expect(
      saveDraft(h.db, applicant, { public: publicInput(), caseFile: caseFileInput() }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(reviewLawyer(h.db, admin, { userId: applicant.userId, decision: "reject" })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(reviewLawyer(h.db, lawyer, { userId: applicant.userId, decision: "verify" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      submitLawyerProfile(h.db, applicant, { fullName: "X", barNumber: "!", barState: "New York", eoirId: "" }),
    ).rejects.toMatchObject({ code: "validation" });
  });
});

describe("campaign authoring and privacy review", () => {
  let campaignId: string;

  it.each([
    ["a malformed A-number", { caseFile: caseFileInput({ aNumber: "A12-34" }) }, /A-number must be 8 or 9 digits/],
    [
      "an impossible date of birth",
      { caseFile: caseFileInput({ dateOfBirth: "1994-02-30" }) },
      /not a real calendar date/,
    ],
    ["a zero bond", { caseFile: caseFileInput({ bondAmountCents: 0 }) }, /more than zero/],
    ["missing consent", { caseFile: caseFileInput({ consentPublication: false }) }, /consent to publish/],
    ["an oversized story", { public: publicInput({ story: "x".repeat(5001) }) }, /at most 5,000 characters/],
    ["an unknown region", { public: publicInput({ region: "Atlantis" }) }, /state or territory/],
  ])("refuses %s with a clear message and writes nothing", async (_name, over, message) => {
    const before = await count("campaigns");
    const err = await saveDraft(h.db, lawyer, { public: publicInput(), caseFile: caseFileInput(), ...over }).catch(
      (e) => e,
    );
    expect(err).toMatchObject({ code: "validation" });
    expect(err.message).toMatch(message);
    for (const needle of CANARY_NEEDLES) expect(err.message).not.toContain(needle);
    expect(await count("campaigns")).toBe(before);
  });

  it("saves a draft with the case file encrypted and warns about a bond below the legal minimum", async () => {
    const res = await saveDraft(h.db, lawyer, {
      public: publicInput(),
      caseFile: caseFileInput({ bondAmountCents: 120_000 }),
    });
    expect(res.warnings.join(" ")).toMatch(/below the legal minimum/);
    campaignId = res.campaignId;
    const dump = JSON.stringify(
      rowsOf(await h.db.execute(sql`SELECT c.*, f.* FROM campaigns c JOIN case_files f ON f.campaign_id = c.id`)),
    );
    for (const needle of [...CANARY_NEEDLES, CANARY.countryOfBirth, CANARY.facility])
      expect(dump).not.toContain(needle);
    const back = await readCaseFile(h.db, campaignId, lawyer, "lawyer_edit");
    expect(back?.legalName).toBe(CANARY.legalName);
    expect(back?.aNumber).toBe("208771934");
  });

  it("flags a second campaign for the same A-number", async () => {
    const second = await saveDraft(h.db, other, {
      public: publicInput({ alias: "Tomo" }),
      caseFile: caseFileInput({ aNumber: "208.771.934" }),
    });
    expect(second.duplicateCampaignIds).toEqual([campaignId]);
  });

  it("keeps other lawyers and donors out of the case file, and audits every read", async () => {
    await expect(readCaseFile(h.db, campaignId, other, "lawyer_edit")).rejects.toMatchObject({ code: "forbidden" });
    await expect(submitForReview(h.db, other, campaignId)).rejects.toMatchObject({ code: "not_found" });
    expect((await readCaseFile(h.db, campaignId, treasurer, "bond_payment"))?.facility).toBe(CANARY.facility);
    const actions = rowsOf<{ action: string }>(
      await h.db.execute(sql`SELECT action FROM audit_log WHERE subject_id = ${campaignId} ORDER BY at`),
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["case_file.written", "case_file.read", "case_file.read_refused"]),
    );
  });

  it("blocks a story containing the client's name, saying what and where without echoing it, and stores nothing", async () => {
    const story = `My client ${CANARY.legalName.toUpperCase()} has been detained since the autumn of last year.`;
    const err = await saveDraft(h.db, lawyer, {
      campaignId,
      public: publicInput({ story }),
      caseFile: caseFileInput(),
    }).catch((e) => e);
    expect(err).toMatchObject({ code: "validation" });
    expect(err.message).toMatch(/Story/);
    expect(err.message).toMatch(/name/i);
    for (const needle of CANARY_NEEDLES) expect(err.message.toLowerCase()).not.toContain(needle.toLowerCase());
    const dump = JSON.stringify(rowsOf(await h.db.execute(sql`SELECT * FROM campaigns`))).toLowerCase();
    expect(dump).not.toContain(CANARY.legalName.toLowerCase().split(" ")[1]);
    expect((await listCampaignCards(h.db, ["in_review"])).map((c) => c.id)).not.toContain(campaignId);
  });

  it("goes live only after a fixed story passes the guard and an admin approves", async () => {
    await saveDraft(h.db, lawyer, { campaignId, public: publicInput(), caseFile: caseFileInput() });
    await submitForReview(h.db, lawyer, campaignId);
    expect((await listCampaignCards(h.db)).map((c) => c.id)).not.toContain(campaignId);
    await expect(approveCampaign(h.db, lawyer, campaignId)).rejects.toMatchObject({ code: "forbidden" });
    await approveCampaign(h.db, admin, campaignId);
    const live = (await listCampaignCards(h.db)).find((c) => c.id === campaignId);
    expect(live?.alias).toBe("Mateo");
    expect(live?.goalCents).toBe(1_500_000);
    for (const needle of CANARY_NEEDLES) expect(JSON.stringify(live)).not.toContain(needle);
  });

  it("holds later public edits for review while the approved text stays live", async () => {
    await expect(
      proposePublicEdit(
        h.db,
        lawyer,
        campaignId,
        publicInput({ summary: `Update from ${CANARY.releasePhone} please call` }),
      ),
    ).rejects.toMatchObject({ code: "validation" });
    await proposePublicEdit(
      h.db,
      lawyer,
      campaignId,
      publicInput({ summary: "Hearing went well; the bond stands at the same amount." }),
    );
    expect((await listCampaignCards(h.db)).find((c) => c.id === campaignId)?.summary).toMatch(/young father/);
    await returnCampaign(h.db, admin, campaignId, "Please avoid mentioning hearings.");
    expect((await listCampaignCards(h.db)).find((c) => c.id === campaignId)?.status).toBe("live");
    await proposePublicEdit(
      h.db,
      lawyer,
      campaignId,
      publicInput({ summary: "Thank you all: we are close to the goal now." }),
    );
    await approveCampaign(h.db, admin, campaignId);
    expect((await listCampaignCards(h.db)).find((c) => c.id === campaignId)?.summary).toMatch(/close to the goal/);
  });

  it("records case events: goal versions, pause and resume, a guarded note", async () => {
    await recordCaseEvent(h.db, lawyer, campaignId, {
      kind: "goal_changed",
      goalCents: 1_000_000,
      note: "Bond lowered at redetermination",
    });
    expect((await listCampaignCards(h.db)).find((c) => c.id === campaignId)?.goalCents).toBe(1_000_000);
    await recordCaseEvent(h.db, lawyer, campaignId, { kind: "paused", reasonCode: "stay" });
    expect((await listCampaignCards(h.db, ["paused"])).map((c) => c.id)).toContain(campaignId);
    await expect(
      recordCaseEvent(h.db, lawyer, campaignId, { kind: "resumed", note: `Spoke with ${CANARY.legalName}` }),
    ).rejects.toMatchObject({ code: "validation" });
    await recordCaseEvent(h.db, lawyer, campaignId, { kind: "resumed" });
    await expect(
      recordCaseEvent(h.db, lawyer, campaignId, { kind: "paused", reasonCode: "vacation" }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      recordCaseEvent(h.db, other, campaignId, { kind: "paused", reasonCode: "stay" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await count("campaign_goal_versions")).toBeGreaterThanOrEqual(2);
  });
});
