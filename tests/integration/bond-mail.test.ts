/**
 * Issue 10 item 10: the treasurers are told when a bond payment is requested and when it waits for
 * a second approval; the lawyer is told when it is paid. Through the outbox, in the same
 * transaction as the change (a refused change queues nothing), with amounts and the alias only.
 */
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { approveBondPayment, recordBondPayment, requestBondPayment } from "@/lib/bonds/payment";
import { backdateBond } from "../fixtures/bond-paths";
import { fundedCampaign } from "../fixtures/funded-campaign";
import { principal, verifiedLawyer } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let t1: Principal, t2: Principal, t3: Principal, lawyer: Principal;

const mailTo = async (to: string, key: string) =>
  h.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.toAddress, to))
    .then((rows) => rows.filter((r) => r.dedupeKey.includes(key)));

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@mail.example", ["admin"]);
  t1 = await principal(h.db, "t1@mail.example", ["treasurer"]);
  t2 = await principal(h.db, "t2@mail.example", ["treasurer"]);
  t3 = await principal(h.db, "t3@mail.example", ["treasurer"]);
  lawyer = await verifiedLawyer(h.db, "lawyer@mail.example", admin);
});
afterAll(async () => h?.close());

describe("bond payment mail", () => {
  it("tells every treasurer of a request, the others of a first approval, and the lawyer of the payment", async () => {
    const campaignId = await fundedCampaign(h.db, 2_000_000, lawyer.userId);
    const { bondId } = await requestBondPayment(h.db, lawyer, { campaignId, amountCents: 2_000_000 });
    for (const t of ["t1", "t2", "t3"]) {
      const [m] = await mailTo(`${t}@mail.example`, `bond-requested:${bondId}`);
      expect(m, t).toBeTruthy();
      expect(m!.subject).toContain("$20,000.00");
      expect(m!.textBody).toContain(`/treasury/bonds/${bondId}`);
      expect(m!.textBody).toContain("two treasurers");
    }
    expect(await mailTo("lawyer@mail.example", `bond-requested:${bondId}`)).toHaveLength(0);

    await approveBondPayment(h.db, t1, bondId);
    expect(await mailTo("t1@mail.example", `bond-second-approval:${bondId}`)).toHaveLength(0);
    for (const t of ["t2", "t3"]) {
      const [m] = await mailTo(`${t}@mail.example`, `bond-second-approval:${bondId}`);
      expect(m?.subject, t).toMatch(/second approval/i);
    }
    await approveBondPayment(h.db, t2, bondId);
    await backdateBond(h.db, bondId, "2025-06-01");
    await recordBondPayment(h.db, t3, bondId, { method: "fedwire", traceNumber: "FW-MAIL01", paidOn: "2025-06-02" });
    const [paid] = await mailTo("lawyer@mail.example", `bond-paid:${bondId}`);
    expect(paid!.subject).toContain("paid");
    expect(paid!.textBody).toContain("2025-06-02");
    expect(paid!.textBody).toContain(`/lawyer/campaigns/${campaignId}`);
  });

  it("a refused change queues no mail", async () => {
    const campaignId = await fundedCampaign(h.db, 100_000, lawyer.userId);
    await expect(requestBondPayment(h.db, lawyer, { campaignId, amountCents: 900_000 })).rejects.toThrow();
    const queued = await h.db
      .select()
      .from(outboxMessages)
      .where(like(outboxMessages.dedupeKey, `%${campaignId}%`));
    expect(queued).toEqual([]);
  });
});
