/** Issue 10 item 5: the lawyer's campaign page shows its money and its bond, and offers the bond request when it can be made. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { approveBondPayment, requestBondPayment } from "@/lib/bonds/payment";
import { lawyerCampaignDetail } from "@/lib/campaigns/lawyer-dashboard";
import { postEntry } from "@/lib/ledger";
import { insertCampaign } from "../fixtures/campaigns";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let lawyer: Principal, treasurer: Principal;
let funded: string;

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@lcb.example", ["admin"]);
  treasurer = await principal(h.db, "t@lcb.example", ["treasurer"]);
  lawyer = await verifiedLawyer(h.db, "lawyer@lcb.example", admin);
  funded = await insertCampaign(h.db, { goalCents: 200_000, lawyerUserId: lawyer.userId, status: "funded" });
  await postEntry(h.db, {
    kind: "donation",
    idempotencyKey: "lcb:gift",
    campaignId: funded,
    debits: [{ account: "stripe", amount: 210_000 }],
    credits: [{ account: `campaign:${funded}`, amount: 210_000 }],
  });
  await postEntry(h.db, {
    kind: "processing_fee",
    idempotencyKey: "lcb:fee",
    campaignId: funded,
    debits: [{ account: `campaign:${funded}`, amount: 6_120 }],
    credits: [{ account: "stripe", amount: 6_120 }],
  });
});
afterAll(async () => h?.close());

describe("lawyer campaign detail: money and bond", () => {
  it("a funded campaign with no bond shows what it holds and offers the bond request", async () => {
    const d = await lawyerCampaignDetail(h.db, lawyer, funded);
    // One definition of "raised" (the donor page's): what the campaign holds toward its bond plus what it paid to ICE.
    expect(d.money).toEqual({ raisedCents: 203_880, heldCents: 203_880 });
    expect(d.bond).toBeNull();
    expect(d.canRequestBond).toBe(true);
  });

  it("once requested, shows the bond's status and amount and no longer offers a second request", async () => {
    const { bondId } = await requestBondPayment(h.db, lawyer, { campaignId: funded, amountCents: 200_000 });
    await approveBondPayment(h.db, treasurer, bondId);
    const d = await lawyerCampaignDetail(h.db, lawyer, funded);
    expect(d.bond).toMatchObject({ id: bondId, status: "approved", amountCents: 200_000 });
    expect(d.bond!.requestedAt).toBeInstanceOf(Date);
    expect(d.canRequestBond).toBe(false);
  });
});
