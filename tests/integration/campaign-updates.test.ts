/**
 * Campaign updates: the lawyer of record posts, the PII guard refuses case-file values (without
 * echoing them), the update waits in the admin's privacy-review queue, and only an approved one
 * reaches the public campaign page, newest first.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { reviewDetail, reviewQueue } from "@/lib/admin/queues";
import type { Principal } from "@/lib/auth/roles";
import { saveDraft, submitForReview } from "@/lib/campaigns/authoring";
import { listCampaignUpdates } from "@/lib/campaigns/campaign-page";
import { approveCampaign } from "@/lib/campaigns/review";
import { approveUpdate, postUpdate, rejectUpdate, updatesForLawyer } from "@/lib/campaigns/updates";
import { formError } from "@/lib/forms/form-state";
import { CANARY, CANARY_NEEDLES, caseFileInput, publicInput } from "../fixtures/case-file";
import { staffCast } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let admin: Principal, lawyer: Principal, other: Principal, treasurer: Principal;
let live: string, draft: string, othersLive: string;

const NEWS = "Mateo* had his hearing this week; the judge kept the bond, and donors are close to the goal.";
const NOTICIA = "Mateo* tuvo su audiencia esta semana; la jueza mantuvo la fianza y falta poco para la meta.";

async function liveCampaign(owner: Principal, alias: string): Promise<string> {
  const { campaignId } = await saveDraft(h.db, owner, { public: publicInput({ alias }), caseFile: caseFileInput() });
  await submitForReview(h.db, owner, campaignId);
  await approveCampaign(h.db, admin, campaignId);
  return campaignId;
}

const count = async () =>
  Number(rowsOf<{ n: number }>(await h.db.execute(sql`SELECT count(*)::int AS n FROM campaign_updates`))[0]!.n);
const auditActions = async (campaignId: string) =>
  rowsOf<{ action: string }>(
    await h.db.execute(sql`SELECT action FROM audit_log WHERE subject_id = ${campaignId} ORDER BY at, id`),
  ).map((r) => r.action);

beforeAll(async () => {
  h = await createTestDb();
  ({ admin, treasurer, lawyer, other } = await staffCast(h.db));
  live = await liveCampaign(lawyer, "Mateo");
  othersLive = await liveCampaign(other, "Tomo");
  draft = (await saveDraft(h.db, lawyer, { public: publicInput({ alias: "Rafa" }), caseFile: caseFileInput() }))
    .campaignId;
});
afterAll(async () => h?.close());

describe("posting an update", () => {
  it.each([
    ["the legal name", { bodyEn: `Good news: ${CANARY.legalName} has a hearing date soon.` }, "bodyEn"],
    // Cyrillic "о" and a soft hyphen: the guard folds Unicode before matching.
    ["a look-alike spelling of the name", { bodyEn: "Zоr\u00advath is doing well and thanks everyone." }, "bodyEn"],
    [
      "the A-number in the Spanish text",
      { bodyEn: "Mateo* is doing well and thanks everyone.", bodyEs: "Su número es 208 771 934, gracias a todos." },
      "bodyEs",
    ],
    ["the facility", { bodyEn: "Mateo* is still held at Winn Correctional Center for now." }, "bodyEn"],
  ])("blocks %s on its field without echoing it, and stores nothing", async (_n, input, field) => {
    const before = await count();
    const err = await postUpdate(h.db, lawyer, live, input).catch((e) => e);
    expect(err).toMatchObject({ code: "validation" });
    const state = formError(err);
    expect(state.fieldErrors?.[field]).toMatch(/(English|Spanish) update contains the client's/);
    for (const n of [...CANARY_NEEDLES, "Winn", "Zоr"]) expect(JSON.stringify(state)).not.toContain(n);
    expect(await count()).toBe(before);
  });

  it.each([
    ["an empty update", { bodyEn: "  " }, /in English \(at least 10/],
    ["an oversized update", { bodyEn: "x".repeat(2001) }, /at most 2,000 characters/],
    ["an oversized Spanish text", { bodyEn: NEWS, bodyEs: "y".repeat(2001) }, /Spanish update must be at most/],
  ])("refuses %s clearly", async (_n, input, message) => {
    const before = await count();
    await expect(postUpdate(h.db, lawyer, live, input)).rejects.toMatchObject({ code: "validation", message });
    expect(await count()).toBe(before);
  });

  it("lets only the campaign's own lawyer post, only on a published campaign", async () => {
    const before = await count();
    // Another lawyer's campaign, a forged id and a malformed one all look like a missing campaign.
    for (const id of [othersLive, "00000000-0000-4000-8000-000000000000"])
      await expect(postUpdate(h.db, lawyer, id, { bodyEn: NEWS })).rejects.toMatchObject({ code: "not_found" });
    await expect(postUpdate(h.db, lawyer, "'; DROP TABLE x;--", { bodyEn: NEWS })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(postUpdate(h.db, other, live, { bodyEn: NEWS })).rejects.toMatchObject({ code: "not_found" });
    await expect(postUpdate(h.db, lawyer, draft, { bodyEn: NEWS })).rejects.toMatchObject({ code: "conflict" });
    for (const p of [admin, treasurer, null])
      await expect(postUpdate(h.db, p, live, { bodyEn: NEWS })).rejects.toMatchObject({
        code: p ? "forbidden" : "unauthorized",
      });
    expect(await count()).toBe(before);
    expect(await updatesForLawyer(h.db, other, live)).toEqual([]);
  });
});

describe("review and publication", () => {
  let first: string, second: string;

  it("queues a posted update for the admin's privacy review with the guard's flags, not on the public page", async () => {
    first = (await postUpdate(h.db, lawyer, live, { bodyEn: NEWS, bodyEs: NOTICIA })).updateId;
    const flagged = await postUpdate(h.db, lawyer, live, { bodyEn: "Write to the church at help@church.example." });
    expect(flagged.flags).toBe(1);
    second = flagged.updateId;
    const row = (await reviewQueue(h.db, admin)).find((r) => r.id === live);
    expect(row).toMatchObject({ kind: "update", updates: 2 });
    expect(row!.flags.map((f) => f.field)).toEqual(["English update"]);
    const detail = await reviewDetail(h.db, admin, live);
    expect(detail).toMatchObject({ awaiting: true, awaitingText: false });
    expect(detail.updates.map((u) => u.id)).toEqual([first, second]);
    expect(detail.caseFile?.legalName).toBe(CANARY.legalName);
    expect(await listCampaignUpdates(h.db, live)).toEqual([]);
    expect((await updatesForLawyer(h.db, lawyer, live)).map((u) => u.status)).toEqual(["pending", "pending"]);
    expect(await auditActions(live)).toContain("campaign_update.submitted");
  });

  it("caps how many updates may wait, so a lawyer cannot flood the queue", async () => {
    const third = (await postUpdate(h.db, lawyer, live, { bodyEn: "A third update, waiting too." })).updateId;
    await expect(postUpdate(h.db, lawyer, live, { bodyEn: NEWS })).rejects.toMatchObject({ code: "conflict" });
    await rejectUpdate(h.db, admin, third, "Too close to the previous one.");
  });

  it("only an admin approves; approval publishes it, once, and is audited", async () => {
    for (const p of [lawyer, treasurer])
      await expect(approveUpdate(h.db, p, first)).rejects.toMatchObject({ code: "forbidden" });
    await expect(approveUpdate(h.db, admin, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "not_found",
    });
    await approveUpdate(h.db, admin, first);
    await expect(approveUpdate(h.db, admin, first)).rejects.toMatchObject({ code: "conflict" });
    const pub = await listCampaignUpdates(h.db, live);
    expect(pub).toMatchObject([{ id: first, body: NEWS, bodyEs: NOTICIA }]);
    expect(pub[0]!.publishedAt).toBeInstanceOf(Date);
    expect(await auditActions(live)).toContain("campaign_update.approved");
  });

  it("a sent-back update needs notes, is never public, and the lawyer sees the notes", async () => {
    await expect(rejectUpdate(h.db, admin, second, "no")).rejects.toMatchObject({ code: "validation" });
    await expect(rejectUpdate(h.db, lawyer, second, "Please remove the email.")).rejects.toMatchObject({
      code: "forbidden",
    });
    await rejectUpdate(h.db, admin, second, "Please remove the email address.");
    await expect(approveUpdate(h.db, admin, second)).rejects.toMatchObject({ code: "conflict" });
    expect((await listCampaignUpdates(h.db, live)).map((u) => u.id)).toEqual([first]);
    const mine = await updatesForLawyer(h.db, lawyer, live);
    expect(mine.find((u) => u.id === second)).toMatchObject({ status: "rejected", reviewNotes: /remove the email/ });
    expect(await auditActions(live)).toContain("campaign_update.rejected");
    expect((await reviewQueue(h.db, admin)).find((r) => r.id === live)).toBeUndefined();
  });

  it("shows approved updates newest first", async () => {
    const later = (await postUpdate(h.db, lawyer, live, { bodyEn: "The bond is paid; thank you all." })).updateId;
    await approveUpdate(h.db, admin, later);
    expect((await listCampaignUpdates(h.db, live)).map((u) => u.id)).toEqual([later, first]);
  });

  it("runs the guard again at approval: a case file changed since posting blocks publication", async () => {
    const id = (await postUpdate(h.db, lawyer, live, { bodyEn: "Mateo* sends thanks to Ilvermorny Parish." })).updateId;
    await h.db.execute(sql`UPDATE campaign_updates SET body = ${`Thanks from ${CANARY.legalName}.`} WHERE id = ${id}`);
    await expect(approveUpdate(h.db, admin, id)).rejects.toMatchObject({ code: "validation" });
    expect((await listCampaignUpdates(h.db, live)).map((u) => u.id)).not.toContain(id);
  });
});
