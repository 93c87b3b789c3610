import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { saveDraft, submitForReview } from "@/lib/campaigns/authoring";
import { approveCampaign } from "@/lib/campaigns/review";
import { approveBondPayment, requestBondPayment } from "@/lib/bonds/payment";
import { campaignAccount, postEntry } from "@/lib/ledger";
import { exportCsv } from "@/lib/reports/exports";
import { CANARY, CANARY_NEEDLES, caseFileInput, publicInput } from "../fixtures/case-file";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let admin: Principal, treasurer: Principal, t2: Principal, lawyer: Principal;

beforeAll(async () => {
  h = await createTestDb({ demo: "run" }); // the demo fund, seeded once per run
  admin = await principal(h.db, "admin@x.example", ["admin"]);
  treasurer = await principal(h.db, "tr@x.example", ["treasurer"]);
  t2 = await principal(h.db, "tr2@x.example", ["treasurer"]);
  lawyer = await verifiedLawyer(h.db, "law@x.example", admin);
  const { campaignId } = await saveDraft(h.db, lawyer, { public: publicInput(), caseFile: caseFileInput() });
  await submitForReview(h.db, lawyer, campaignId);
  await approveCampaign(h.db, admin, campaignId);
  await postEntry(h.db, {
    idempotencyKey: `gift:${campaignId}`,
    kind: "donation",
    campaignId,
    debits: [{ account: "stripe", amount: 1_500_000 }],
    credits: [{ account: campaignAccount(campaignId), amount: 1_500_000 }],
  });
  const { bondId } = await requestBondPayment(h.db, lawyer, { campaignId, amountCents: 1_500_000 });
  await approveBondPayment(h.db, treasurer, bondId);
  await approveBondPayment(h.db, t2, bondId);
});
afterAll(async () => h?.close());

describe("CSV exports", () => {
  it.each(["ledger", "gifts", "bonds"])(
    "%s: parseable, complete, and free of case-file values and donor emails",
    async (kind) => {
      const { filename, csv } = await exportCsv(h.db, treasurer, kind);
      expect(filename).toMatch(new RegExp(`^openbond-${kind}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const rows = parse(csv, { columns: true }) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(0);
      for (const needle of [...CANARY_NEEDLES, CANARY.countryOfBirth, CANARY.facility, "@"])
        expect(csv).not.toContain(needle);
      if (kind === "ledger") {
        const debits = rows.reduce((s, r) => s + Math.round(Number(r.debit) * 100), 0);
        const credits = rows.reduce((s, r) => s + Math.round(Number(r.credit) * 100), 0);
        expect(debits).toBe(credits);
      }
      if (kind === "bonds") expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    },
  );

  it("the case-file bond export is for treasurers only and is audit-logged", async () => {
    await expect(exportCsv(h.db, admin, "bonds-with-case-files")).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportCsv(h.db, lawyer, "gifts")).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportCsv(h.db, null, "ledger")).rejects.toMatchObject({ code: "unauthorized" });
    await expect(exportCsv(h.db, treasurer, "everything")).rejects.toMatchObject({ code: "not_found" });
    const { filename, csv } = await exportCsv(h.db, treasurer, "bonds-with-case-files");
    expect(filename).toContain("CONFIDENTIAL");
    expect(csv).toContain(CANARY.legalName);
    const [n] = rowsOf<{ n: number }>(
      await h.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'export.bonds_with_case_files'`),
    );
    expect(Number(n!.n)).toBe(1);
  });
});
