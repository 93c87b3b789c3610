/**
 * Year-end statements: sent in January only, exactly once per donor and year even with two
 * runners at once, resendable for a finished year, refused (nothing written) for a year not over;
 * the mail carries the statement and the receipt mail its receipt as a PDF rebuilt when sent.
 */
import { randomUUID } from "node:crypto";
import { eq, like, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { campaigns, donations, outboxMessages, yearEndStatementClaims } from "@/db/schema";
import { sendPendingMail } from "@/lib/mail/send-pending";
import { setMailTransportForTests } from "@/lib/mail/transport";
import { queueReceipt } from "@/lib/payments/webhooks/send-receipt";
import { emailHash, resendYearEndStatement, sendYearEndStatements } from "@/lib/receipts/year-end-job";
import { pdfText } from "../../helpers/pdf-text";
import { createTestDb } from "../../helpers/test-db";

let h: DbHandle;
let campaignId: string;
const sent: Mail.Options[] = [];
const JAN = new Date("2027-01-05T15:00:00Z");

async function gift(email: string, cents: number, at: string, extra: Partial<typeof donations.$inferInsert> = {}) {
  const id = randomUUID();
  await h.db.insert(donations).values({
    id,
    campaignId,
    amountCents: cents,
    email,
    status: "succeeded",
    succeededAt: new Date(at),
    ...extra,
  });
  return id;
}

const statements = () => h.db.select().from(outboxMessages).where(like(outboxMessages.dedupeKey, "statement:%"));

beforeAll(async () => {
  h = await createTestDb({ demo: "run" });
  const [c] = await h.db.select({ id: campaigns.id }).from(campaigns).limit(1);
  campaignId = c!.id;
  setMailTransportForTests({
    sendMail: async (m: Mail.Options) => {
      sent.push(m);
      return {};
    },
  } as unknown as Transporter);
  await gift("Ana@Example.org", 30_941, "2026-03-01T12:00:00Z", { coverFeeCents: 941 });
  await gift("ana@example.org", 5_000, "2026-12-31T23:30:00-05:00"); // Dec 31 in New York, Jan 1 in UTC
  await gift("ana@example.org", 2_500, "2026-06-01T12:00:00Z", { status: "refunded", refundedCents: 2_500 });
  await gift("ana@example.org", 9_900, "2027-01-02T12:00:00Z"); // next year: not on the 2026 statement
  await gift("ben@example.org", 10_000, "2026-07-01T12:00:00Z");
  await gift("cy@example.org", 10_000, "2026-07-01T12:00:00Z", { status: "failed" });
});

afterAll(async () => {
  setMailTransportForTests(undefined as never);
  await h?.close();
});

beforeEach(() => {
  sent.length = 0;
});

describe("year-end statements", () => {
  it("sends nothing outside January", async () => {
    const run = await sendYearEndStatements(h.db, new Date("2026-12-20T12:00:00Z"));
    expect(run).toMatchObject({ sent: 0, skipped: "not_january" });
    expect(await statements()).toHaveLength(0);
  });

  it("refuses a statement for a year not yet over, writing nothing", async () => {
    await expect(resendYearEndStatement(h.db, "ana@example.org", 2027, JAN)).rejects.toThrow(/2027 is not over yet/);
    await expect(
      resendYearEndStatement(h.db, "ana@example.org", 2026, new Date("2026-12-31T12:00:00Z")),
    ).rejects.toThrow(/not over yet/);
    expect(await statements()).toHaveLength(0);
    expect(await h.db.select().from(yearEndStatementClaims)).toHaveLength(0);
  });

  it("sends each donor's statement exactly once with two runners at once, and again never", async () => {
    const runs = await Promise.all([sendYearEndStatements(h.db, JAN), sendYearEndStatements(h.db, JAN)]);
    expect(runs[0]!.sent + runs[1]!.sent).toBe(2); // ana and ben; cy's gift failed
    expect(await statements()).toHaveLength(2);
    const again = await sendYearEndStatements(h.db, new Date("2027-01-20T12:00:00Z"));
    expect(again.sent).toBe(0);
    // Later runs skip claimed donors in SQL: the database's hash is the claim's hash.
    const [db] = rowsOf<{ h: string }>(
      await h.db.execute(sql`SELECT encode(sha256(convert_to(lower(trim(' Ana@Example.org')), 'UTF8')), 'hex') AS h`),
    );
    expect(db?.h).toBe(emailHash("ana@example.org"));
    const claims = await h.db.select().from(yearEndStatementClaims).orderBy(yearEndStatementClaims.gifts);
    expect(claims.map((c) => [c.year, c.gifts])).toEqual([
      [2026, 1],
      [2026, 3],
    ]);
  });

  it("attaches the statement PDF when the mail is sent: the year's gifts, refunds said, the acknowledgment", async () => {
    await sendPendingMail(h.db, 50);
    const mail = sent.find((m) => m.to === "ana@example.org" && String(m.subject).includes("2026"));
    expect(mail).toBeDefined();
    const [pdf] = mail!.attachments!;
    expect(pdf).toMatchObject({ filename: "statement-2026.pdf", contentType: "application/pdf" });
    const text = (await pdfText(new Uint8Array(pdf!.content as Buffer))).replace(/\s+/g, " ");
    expect(text).toContain("Gift $300.00 + $9.41 toward card fees = $309.41 charged");
    expect(text).toContain("December 31, 2026");
    expect(text).toContain("(refunded $25.00)");
    expect(text).not.toContain("$99.00");
    expect(text).toMatch(/EIN \d{2}-\d{7}/);
    expect(text).toContain("No goods or services were provided in exchange for this contribution.");
  });

  it("resends on request (a new message each time) and refuses an address with no gifts that year", async () => {
    await resendYearEndStatement(h.db, "BEN@example.org", 2026, JAN);
    await resendYearEndStatement(h.db, "ben@example.org", 2026, JAN);
    const ben = (await statements()).filter((m) => m.toAddress === "ben@example.org");
    expect(ben).toHaveLength(3);
    await expect(resendYearEndStatement(h.db, "cy@example.org", 2026, JAN)).rejects.toThrow(/No gifts/);
    expect((await statements()).filter((m) => m.toAddress === "cy@example.org")).toHaveLength(0);
    const [claim] = await h.db
      .select({ resent: yearEndStatementClaims.resent })
      .from(yearEndStatementClaims)
      .where(eq(yearEndStatementClaims.gifts, 1));
    expect(claim?.resent).toBe(2);
  });

  it("attaches the receipt PDF to the receipt mail, for that gift's own donor only", async () => {
    const id = await gift("dee@example.org", 3_841, "2026-08-08T12:00:00Z", { coverFeeCents: 141 });
    await h.db.transaction((tx) => queueReceipt(tx, id));
    await sendPendingMail(h.db, 50);
    const mail = sent.find((m) => m.to === "dee@example.org");
    const text = (await pdfText(new Uint8Array(mail!.attachments![0]!.content as Buffer))).replace(/\s+/g, " ");
    expect(text).toContain("Gift $37.00 + $1.41 toward card fees = $38.41 charged");
    // A forged outbox row pointing another address at dee's receipt is never sent with it.
    await h.db.insert(outboxMessages).values({
      dedupeKey: "forged",
      kind: "receipt",
      toAddress: "mallory@example.org",
      subject: "x",
      textBody: "x",
      attachment: `receipt:${id}`,
    });
    await sendPendingMail(h.db, 50);
    expect(sent.some((m) => m.to === "mallory@example.org")).toBe(false);
    const [row] = rowsOf<{ last_error: string }>(
      await h.db.execute(sql`SELECT last_error FROM outbox_messages WHERE dedupe_key = 'forged'`),
    );
    expect(row?.last_error).toMatch(/no document for this recipient/);
  });
});
