import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { campaigns, donations } from "@/db/schema";
import { decideDonorNames } from "@/lib/admin/donor-name-decisions";
import { donorNameQueue } from "@/lib/admin/donor-names";
import type { Principal } from "@/lib/auth/roles";
import { saveDraft } from "@/lib/campaigns/authoring";
import { listDonorWall } from "@/lib/campaigns/campaign-page";
import { CANARY, caseFileInput, publicInput } from "../fixtures/case-file";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

// Issue 11, finding 2: no donor-chosen text is public before a staff member approves it,
// and nothing a donor can observe depends on what the PII guard found.

let h: DbHandle;
let admin: Principal, treasurer: Principal, lawyer: Principal;
let campaignId: string;

beforeAll(async () => {
  h = await createTestDb();
  admin = await principal(h.db, "admin@wall.example", ["admin"]);
  treasurer = await principal(h.db, "treasurer@wall.example", ["treasurer"]);
  lawyer = await verifiedLawyer(h.db, "lawyer@wall.example", admin);
  const saved = await saveDraft(h.db, lawyer, { public: publicInput(), caseFile: caseFileInput() });
  campaignId = saved.campaignId;
  await h.db.update(campaigns).set({ status: "live" }).where(eq(campaigns.id, campaignId));
});
afterAll(async () => h?.close());

let n = 0;
async function gift(displayName: string | null, extra: Partial<typeof donations.$inferInsert> = {}): Promise<string> {
  n++;
  const [row] = await h.db
    .insert(donations)
    .values({
      campaignId,
      amountCents: 2500,
      displayName,
      status: "succeeded",
      succeededAt: new Date(Date.UTC(2026, 10, 1, 12, n)),
      ...extra,
    })
    .returning({ id: donations.id });
  return row!.id;
}

const wall = () => listDonorWall(h.db, campaignId, { showAmounts: true, limit: 100 });
/** The wall's text without its random row ids (a UUID can hold "208" by chance). */
const wallText = (rows: Awaited<ReturnType<typeof wall>>) => JSON.stringify(rows.map(({ id: _id, ...rest }) => rest));
const wallOf = async (id: string) => (await wall()).find((w) => w.id === id)!;

describe("donor wall names wait for review", () => {
  const legal = CANARY.legalName;
  const disguised = `${CANARY.legalName.replace("o", "\u043e")}`;
  const aNumber = "A# 208\u00ad771\u00ad934";
  let legalId: string, disguisedId: string, aNumberId: string, plainId: string, plain2Id: string, anonId: string;

  beforeAll(async () => {
    legalId = await gift(legal);
    disguisedId = await gift(disguised);
    aNumberId = await gift(aNumber);
    plainId = await gift("The Okafor family");
    plain2Id = await gift("Friends from church");
    anonId = await gift(null);
  });

  it("shows a pending name as hidden, never its text, whatever the guard thinks of it", async () => {
    const rows = await wall();
    for (const id of [legalId, disguisedId, aNumberId, plainId, plain2Id]) {
      expect(await wallOf(id)).toMatchObject({ displayName: null, nameAwaitingReview: true });
    }
    expect(await wallOf(anonId)).toMatchObject({ displayName: null, nameAwaitingReview: false });
    // What the donor can see is the same for a harmless name and the client's legal name.
    const shape = (id: string) => {
      const { id: _id, ...rest } = rows.find((w) => w.id === id)!;
      return rest;
    };
    expect(shape(legalId)).toEqual(shape(plainId));
    expect(wallText(rows)).not.toMatch(/Zorvath|Quillibrand|208|771|Okafor|church/i);
  });

  it("the review queue is for admins only", async () => {
    await expect(donorNameQueue(h.db, treasurer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(donorNameQueue(h.db, lawyer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(donorNameQueue(h.db, null)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(
      decideDonorNames(h.db, treasurer, { donationIds: [plainId], decision: "approve" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows the reviewer what the guard found, with the campaign's case file, and audit-logs the read", async () => {
    const queue = await donorNameQueue(h.db, admin);
    const row = (id: string) => queue.find((q) => q.donationId === id)!;
    expect(row(legalId).blocked.map((f) => f.kind)).toContain("name");
    expect(row(disguisedId).blocked.map((f) => f.kind)).toContain("name");
    expect(row(aNumberId).blocked.map((f) => f.kind)).toContain("a_number");
    expect(row(plainId).blocked).toEqual([]);
    expect(row(plain2Id).blocked).toEqual([]);
    expect(queue.find((q) => q.donationId === anonId)).toBeUndefined();
    for (const f of row(legalId).blocked) expect(f.message).not.toMatch(/Zorvath|Quillibrand/);
    const reads = rowsOf<{ n: number }>(
      await h.db.execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case_file.read' AND subject_id = ${campaignId} AND details->>'purpose' = 'pii_guard' AND actor_user_id = ${admin.userId}`,
      ),
    );
    expect(Number(reads[0]!.n)).toBeGreaterThan(0);
  });

  it("approves in bulk; a name the guard blocks is never approved, only hidden", async () => {
    const r = await decideDonorNames(h.db, admin, {
      donationIds: [legalId, plainId, plain2Id, aNumberId],
      decision: "approve",
    });
    expect(r).toEqual({ approved: 2, rejected: 0, refused: 2 });
    expect(await wallOf(plainId)).toMatchObject({ displayName: "The Okafor family", nameAwaitingReview: false });
    expect(await wallOf(plain2Id)).toMatchObject({ displayName: "Friends from church" });
    expect(await wallOf(legalId)).toMatchObject({ displayName: null, nameAwaitingReview: true });
    expect(wallText(await wall())).not.toMatch(/Zorvath|Quillibrand|208|771/);
    const left = (await donorNameQueue(h.db, admin)).map((q) => q.donationId);
    expect(left).not.toContain(plainId);
    expect(left).toContain(legalId);
  });

  it("rejects in bulk: the wall shows the gift exactly as while it waited", async () => {
    const before = await wallOf(legalId);
    const r = await decideDonorNames(h.db, admin, {
      donationIds: [legalId, disguisedId, aNumberId],
      decision: "reject",
    });
    expect(r).toEqual({ approved: 0, rejected: 3, refused: 0 });
    expect(await wallOf(legalId)).toEqual(before);
    expect(await donorNameQueue(h.db, admin)).toEqual([]);
  });

  it("writes every decision to the audit log, by donation id only", async () => {
    const rows = rowsOf<{ action: string; details: unknown }>(
      await h.db.execute(
        sql`SELECT action, details FROM audit_log WHERE action LIKE 'donor_name.%' AND actor_user_id = ${admin.userId}`,
      ),
    );
    expect(rows.filter((r) => r.action === "donor_name.approved")).toHaveLength(2);
    expect(rows.filter((r) => r.action === "donor_name.rejected")).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toMatch(/Okafor|church|Zorvath/);
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    await expect(decideDonorNames(h.db, admin, { donationIds: [], decision: "approve" })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(decideDonorNames(h.db, admin, { donationIds: ["zzz"], decision: "approve" })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(
      decideDonorNames(h.db, admin, { donationIds: [plainId], decision: "publish" as "approve" }),
    ).rejects.toMatchObject({ code: "validation" });
  });

  it("a monthly gift's later payments keep the approved name; a changed name waits again", async () => {
    const recurring = rowsOf<{ id: string }>(
      await h.db.execute(
        sql`INSERT INTO recurring_gifts (campaign_id, amount_cents, display_name, cancel_token_hash, status)
            VALUES (${campaignId}, 1000, 'Monthly Maria', ${`hash-${Date.now()}`}, 'active') RETURNING id`,
      ),
    )[0]!.id;
    const first = await gift("Monthly Maria", { recurringGiftId: recurring });
    await decideDonorNames(h.db, admin, { donationIds: [first], decision: "approve" });
    const second = await gift("Monthly Maria", { recurringGiftId: recurring });
    expect(await wallOf(second)).toMatchObject({ displayName: "Monthly Maria" });
    expect((await donorNameQueue(h.db, admin)).map((q) => q.donationId)).not.toContain(second);
    const renamed = await gift("Someone Else", { recurringGiftId: recurring });
    expect(await wallOf(renamed)).toMatchObject({ displayName: null, nameAwaitingReview: true });
  });
});
