/**
 * The self-service PDF routes, called as Next.js calls them: no session, a forged session, another
 * donor's gift, a malformed id, a year not over — all 404 with nothing to tell them apart; the
 * donor's own receipt and statement are PDFs that name their gifts.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { donations, outboxMessages } from "@/db/schema";
import { openDonorLink, requestDonorLink } from "@/lib/donor-portal/access";
import { insertCampaign } from "../../fixtures/campaigns";
import { pdfText } from "../../helpers/pdf-text";
import { createTestDb } from "../../helpers/test-db";
import { routeToDb } from "../../helpers/webhook-harness";

const jar = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (jar.cookie ? { value: jar.cookie } : undefined) }),
}));

let h: DbHandle;
let campaign: string;
const ids = {} as Record<"mine" | "theirs", string>;

async function gift(email: string, at: string): Promise<string> {
  const id = randomUUID();
  await h.db.insert(donations).values({
    id,
    campaignId: campaign,
    amountCents: 30_000,
    email,
    status: "succeeded",
    succeededAt: new Date(at),
  });
  return id;
}

beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  campaign = await insertCampaign(h.db, { slug: "rosa-texas", alias: "Rosa" });
  ids.mine = await gift("mine@example.org", "2025-06-01T12:00:00Z");
  ids.theirs = await gift("theirs@example.org", "2025-06-01T12:00:00Z");
  await requestDonorLink(h.db, { email: "mine@example.org", client: "t", locale: "en" });
  const [mail] = await h.db.select().from(outboxMessages);
  jar.cookie = (await openDonorLink(h.db, /token=([\w-]{43})/.exec(mail!.textBody)![1]))!;
});
afterAll(async () => h?.close());

const receipt = async (id: string) => {
  const { GET } = await import("@/app/api/my-gifts/receipt/[id]/route");
  return GET(new Request("http://x/"), { params: Promise.resolve({ id }) });
};
const statement = async (year: string) => {
  const { GET } = await import("@/app/api/my-gifts/statement/[year]/route");
  return GET(new Request("http://x/"), { params: Promise.resolve({ year }) });
};

describe("self-service PDFs", () => {
  it("serves the donor's own receipt and statement", async () => {
    const r = await receipt(ids.mine);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/pdf");
    expect(r.headers.get("cache-control")).toContain("no-store");
    const text = (await pdfText(new Uint8Array(await r.arrayBuffer()))).replace(/\s+/g, " ");
    expect(text).toContain("$300.00");
    expect(text).toContain("No goods or services were provided");
    const s = await statement("2025");
    expect(s.status).toBe(200);
    expect((await pdfText(new Uint8Array(await s.arrayBuffer()))).replace(/\s+/g, " ")).toContain("mine@example.org");
  });

  it("answers 404 for another donor's gift, forged ids, a year not over, or no session", async () => {
    const thisYear = String(new Date().getUTCFullYear() + 1);
    for (const res of [
      await receipt(ids.theirs),
      await receipt("not-a-uuid"),
      await receipt(randomUUID()),
      await statement(thisYear),
      await statement("20x5"),
      await statement("1999"),
    ])
      expect(res.status).toBe(404);
    const real = jar.cookie!;
    // One character changed — never the same character, or this would be the real cookie 1 time in 64.
    const flipped = `${real.slice(0, -1)}${real.endsWith("A") ? "B" : "A"}`;
    for (const forged of [undefined, "a".repeat(43), flipped]) {
      jar.cookie = forged;
      expect((await receipt(ids.mine)).status).toBe(404);
    }
    jar.cookie = real;
  });
});
