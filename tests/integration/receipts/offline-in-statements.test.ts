/**
 * Offline gifts (checks, wires, cash) are gifts like card gifts in every donor document: the
 * year-end statement lists them and counts them in its total (a reversed check is not there), the
 * January job finds a donor who gave only offline (once), Schedule B counts checks toward $5,000,
 * and self-service lists and serves only the signed-in address's offline gifts.
 */
import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { donations, outboxMessages } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { openDonorLink, requestDonorLink } from "@/lib/donor-portal/access";
import { donorGifts } from "@/lib/donor-portal/gifts";
import { sendPendingMail } from "@/lib/mail/send-pending";
import { setMailTransportForTests } from "@/lib/mail/transport";
import { recordOfflineGift } from "@/lib/offline-gifts/record";
import { reverseOfflineGift } from "@/lib/offline-gifts/reverse";
import { scheduleBDonors } from "@/lib/receipts/schedule-b";
import { sendYearEndStatements } from "@/lib/receipts/year-end-job";
import { insertCampaign } from "../../fixtures/campaigns";
import { principal } from "../../fixtures/people";
import { pdfText } from "../../helpers/pdf-text";
import { createTestDb } from "../../helpers/test-db";
import { routeToDb } from "../../helpers/webhook-harness";

const jar = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (jar.cookie ? { value: jar.cookie } : undefined) }),
}));

let h: DbHandle;
let campaign: string;
let treasurer: Principal;
const sent: Mail.Options[] = [];
const JAN = new Date("2027-01-05T15:00:00Z");
const ids = {} as Record<"check" | "reversed" | "theirs", string>;

let ref = 0;
const offline = async (email: string, amount: string, receivedOn: string, over: Record<string, string> = {}) =>
  (
    await recordOfflineGift(h.db, treasurer, {
      method: "check",
      donorName: "Ana Donor",
      email,
      amount,
      receivedOn,
      reference: `10${ref++}`,
      campaign,
      ...over,
    })
  ).id;

const pdfOf = async (body: Buffer | ArrayBuffer) => (await pdfText(new Uint8Array(body))).replace(/\s+/g, " ");
const statementMail = (to: string) =>
  sent.find((m) => m.to === to && String(m.subject).includes("2026") && m.attachments?.length);

beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  campaign = await insertCampaign(h.db, { slug: "rosa-texas", alias: "Rosa" });
  treasurer = await principal(h.db, "t@offstmt.example", ["treasurer"]);
  setMailTransportForTests({
    sendMail: async (m: Mail.Options) => {
      sent.push(m);
      return {};
    },
  } as unknown as Transporter);
  await h.db.insert(donations).values({
    campaignId: campaign,
    amountCents: 10_341,
    coverFeeCents: 341,
    email: "ana@example.org",
    status: "succeeded",
    succeededAt: new Date("2026-03-01T12:00:00Z"),
  });
  ids.check = await offline("Ana@Example.org", "250", "2026-04-10");
  await offline("ana@example.org", "50", "2026-05-02", { method: "wire", reference: "", campaign: "general" });
  ids.reversed = await offline("ana@example.org", "777", "2026-05-01");
  await reverseOfflineGift(h.db, treasurer, { giftId: ids.reversed, reason: "Recorded twice by mistake" });
  await offline("olga@example.org", "80", "2026-02-02", { donorName: "Olga", campaign: "general", locale: "es" });
  await offline("carl@example.org", "3000", "2026-01-15", { donorName: "Carl Congregation" });
  await offline("carl@example.org", "2000", "2026-11-30", { donorName: "Carl Congregation" });
  ids.theirs = await offline("mallory@example.org", "60", "2026-06-01", { donorName: "Mallory" });
});
afterAll(async () => {
  setMailTransportForTests(undefined as never);
  await h?.close();
});

describe("offline gifts on the year-end statement and the January job", () => {
  it("sends each donor one statement, offline-only donors too, exactly once", async () => {
    const first = await sendYearEndStatements(h.db, JAN);
    expect(first.sent).toBe(4); // ana (card + offline), olga and carl (offline only), mallory
    expect((await sendYearEndStatements(h.db, new Date("2027-01-20T12:00:00Z"))).sent).toBe(0);
    const olga = await h.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.toAddress, "olga@example.org"), like(outboxMessages.dedupeKey, "statement:%")));
    expect(olga).toHaveLength(1);
    await sendPendingMail(h.db, 50);
  });

  it("lists the card gift and the checks with their date and campaign, the total includes both; a reversed check is absent", async () => {
    const text = await pdfOf(statementMail("ana@example.org")!.attachments![0]!.content as Buffer);
    expect(text).toContain("These are your 3 gift(s)");
    expect(text).toContain('March 1, 2026 · "Rosa*" · Gift $100.00 + $3.41 toward card fees = $103.41 charged');
    expect(text).toContain('April 10, 2026 · "Rosa*" · $250.00');
    expect(text).toContain('May 2, 2026 · "General fund" · $50.00');
    expect(text).not.toContain("$777.00");
    expect(text).toContain("Total contributed, after refunds: $403.41");
    expect(text).toContain("No goods or services were provided");
  });

  it("writes an offline-only statement in Spanish, the general pool as the Fondo general", async () => {
    const text = await pdfOf(statementMail("olga@example.org")!.attachments![0]!.content as Buffer);
    expect(text).toContain('"Fondo general" · $80.00');
    expect(text).toContain("Total donado, después de reembolsos: $80.00");
  });
});

describe("offline gifts on Schedule B", () => {
  it("lists a donor reaching $5,000 with checks, by the recorded name, address not collected", async () => {
    const list = await scheduleBDonors(h.db, 2026, treasurer.userId);
    expect(list).toEqual([
      {
        email: "carl@example.org",
        totalCents: 500_000,
        gifts: 2,
        offlineGifts: 2,
        largestCents: 300_000,
        offlineName: "Carl Congregation",
        contact: null,
      },
    ]);
  });
});

describe("offline gifts in self-service", () => {
  const receipt = async (id: string) => {
    const { GET } = await import("@/app/api/my-gifts/receipt/[id]/route");
    return GET(new Request("http://x/"), { params: Promise.resolve({ id }) });
  };

  it("lists only the signed-in address's offline gifts, not a reversed one", async () => {
    const gifts = await donorGifts(h.db, "ana@example.org");
    expect(gifts.map((g) => [g.kind, g.amountCents, g.alias])).toEqual([
      ["offline", 5_000, null],
      ["offline", 25_000, "Rosa"],
      ["card", 10_341, "Rosa"],
    ]);
    expect(gifts.map((g) => g.id)).not.toContain(ids.reversed);
    expect(gifts.map((g) => g.id)).not.toContain(ids.theirs);
  });

  it("serves an offline gift's receipt PDF to its own donor only; another donor's or a reversed gift's id is a 404", async () => {
    await requestDonorLink(h.db, { email: "ana@example.org", client: "t", locale: "en" });
    const [link] = await h.db.select().from(outboxMessages).where(like(outboxMessages.textBody, "%token=%"));
    jar.cookie = (await openDonorLink(h.db, /token=([\w-]{43})/.exec(link!.textBody)![1]))!;
    const mine = await receipt(ids.check);
    expect(mine.status).toBe(200);
    const text = await pdfOf(await mine.arrayBuffer());
    expect(text).toContain("$250.00");
    expect(text).toContain("Paid by: check");
    expect(text).toContain("April 10, 2026");
    for (const id of [ids.theirs, ids.reversed, randomUUID()]) expect((await receipt(id)).status).toBe(404);
  });
});
