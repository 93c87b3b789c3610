/**
 * Issue 11 finding 12: a case-event note refused by the PII guard says why, on the note field,
 * without echoing the value.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { saveDraft } from "@/lib/campaigns/authoring";
import { recordCaseEventForm } from "@/lib/campaigns/case-event-form";
import { formError } from "@/lib/forms/form-state";
import { CANARY, caseFileInput, publicInput } from "../../fixtures/case-file";
import { principal, verifiedLawyer } from "../../fixtures/people";
import { createTestDb } from "../../helpers/test-db";

let h: DbHandle;
let lawyer: Principal;
let campaignId: string;

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@test.example", ["admin"]);
  lawyer = await verifiedLawyer(h.db, "lawyer@test.example", admin);
  campaignId = (await saveDraft(h.db, lawyer, { public: publicInput(), caseFile: caseFileInput() })).campaignId;
});
afterAll(async () => h?.close());

describe("a refused case-event note", () => {
  it("marks the note field with the guard's message and never echoes the value", async () => {
    const fd = new FormData();
    fd.set("kind", "goal_changed");
    fd.set("goal", "9000");
    fd.set("note", `Lowered after ${CANARY.legalName} spoke to the judge`);
    const err = await recordCaseEventForm(h.db, lawyer, campaignId, fd).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    const state = formError(err);
    expect(state.status).toBe("error");
    expect(state.fieldErrors?.note, JSON.stringify(state)).toBeTruthy();
    expect(state.message).toMatch(/marked below/);
    const shown = JSON.stringify(state).toLowerCase();
    for (const part of CANARY.legalName.toLowerCase().split(" ")) expect(shown).not.toContain(part);
  });
});
