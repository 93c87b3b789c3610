/**
 * After the bond is paid: the obligor of record, ICE notices and their
 * deadlines, encrypted scans, the bad inputs that must write nothing, and the
 * daily digest sent exactly once per recipient per day by racing instances.
 */
import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { auditLog, bondNotices, bondObligors, bonds, noticeScans, obligors, outboxMessages } from "@/db/schema";
import { advanceBond } from "@/lib/bonds/lifecycle";
import { setClockOffset } from "@/lib/clock";
import { sendDeadlineDigests } from "@/lib/notices/digest";
import { openDeadlines } from "@/lib/notices/open-deadlines";
import { downloadScan, listNotices } from "@/lib/notices/read";
import { recordNotice } from "@/lib/notices/record-notice";
import { missingI333 } from "@/lib/obligors/i333-watch";
import { bondObligorView, changeAddress, recordI333, saveFundObligor } from "@/lib/obligors/store";
import type { Principal } from "@/lib/auth/roles";
import { bondAt } from "../fixtures/bond-paths";
import { principal, verifiedLawyer } from "../fixtures/people";
import { adminSql, databaseUrl } from "../helpers/pg-admin";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let who: { lawyer: Principal; t1: Principal; t2: Principal; admin: Principal };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const PDF = Buffer.from("%PDF-1.4\n% scanned I-323\n");
const iso = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000));
const fundObligor = {
  name: "Open Bond Fund Inc.",
  representative: "R. Treasurer",
  cebondsEmail: "bonds@fund.example",
  emailConsent: "on",
  line1: "1 Main Street",
  city: "Boston",
  state: "MA",
  zip: "02110",
  changedOn: "2024-01-02",
};

beforeAll(async () => {
  h = await createTestDb();
  const admin = await principal(h.db, "admin@after.test", ["admin"]);
  who = {
    admin,
    lawyer: await verifiedLawyer(h.db, "lawyer@after.test", admin),
    t1: await principal(h.db, "t1@after.test", ["treasurer"]),
    t2: await principal(h.db, "t2@after.test", ["treasurer"]),
  };
  await saveFundObligor(h.db, admin, fundObligor);
});
afterAll(async () => h?.close());

const notices = async (bondId: string) =>
  Number((await h.db.select({ n: count() }).from(bondNotices).where(eq(bondNotices.bondId, bondId)))[0]!.n);

describe("obligor of record", () => {
  it("attaches the fund's own profile when the payment is recorded, encrypted, and audits every read", async () => {
    const { bondId } = await bondAt(h.db, "posted", who, { postedOn: inDays(-40) });
    const [link] = await h.db.select().from(bondObligors).where(eq(bondObligors.bondId, bondId));
    expect(link).toMatchObject({ reason: "posted" });
    const [row] = await h.db.select().from(obligors).where(eq(obligors.id, link!.obligorId));
    expect(row!.envelope).not.toContain("Boston");
    expect(row!.envelope).not.toContain("bonds@fund.example");
    const view = await bondObligorView(h.db, who.t1, bondId);
    expect(view.current!.secret).toMatchObject({ name: "Open Bond Fund Inc.", emailConsent: true });
    expect(view.current!.current.city).toBe("Boston");
    const reads = await h.db.select().from(auditLog).where(eq(auditLog.action, "obligor.read"));
    expect(reads.length).toBeGreaterThan(0);
    expect(JSON.stringify(reads)).not.toContain("Boston");
    await expect(bondObligorView(h.db, who.lawyer, bondId)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("flags an address change with no I-333 after 10 days, until the I-333 is recorded", async () => {
    const fund = (await h.db.select().from(obligors).where(eq(obligors.isFundDefault, true)))[0]!;
    const addressId = await changeAddress(h.db, who.t1, fund.id, {
      ...fundObligor,
      line1: "9 New Road",
      changedOn: inDays(-12),
    });
    expect((await missingI333(h.db)).map((m) => m.addressId)).toContain(addressId);
    await expect(recordI333(h.db, who.t1, addressId, { i333FiledOn: inDays(-13) })).rejects.toThrow(
      /before the address change/,
    );
    await recordI333(h.db, who.t1, addressId, { i333FiledOn: inDays(-1) });
    expect((await missingI333(h.db)).map((m) => m.addressId)).not.toContain(addressId);
  });
});

describe("ICE notices", () => {
  it("records an I-340 with its scan, a deadline at the facility's clock, and serves the scan only to treasury", async () => {
    const { bondId } = await bondAt(h.db, "posted", who, { postedOn: inDays(-30) });
    const r = await recordNotice(
      h.db,
      who.t1,
      bondId,
      {
        form: "I-340",
        servedOn: inDays(-1),
        servedBy: "mail",
        deliveryDate: inDays(20),
        deliveryTime: "09:00",
        timeZone: "America/Chicago",
        place: "ICE field office, Room 3",
      },
      { bytes: PNG },
    );
    expect(r.deadline!.kind).toBe("deliver_person");
    const [scan] = await h.db.select().from(noticeScans).where(eq(noticeScans.noticeId, r.noticeId));
    expect(scan).toMatchObject({ mime: "image/png", sizeBytes: PNG.length });
    expect(scan!.envelope).not.toContain(PNG.toString("base64").slice(0, 20));
    const got = await downloadScan(h.db, who.t2, r.noticeId);
    expect(Buffer.compare(got.bytes, PNG)).toBe(0);
    await expect(downloadScan(h.db, who.lawyer, r.noticeId)).rejects.toMatchObject({ code: "forbidden" });
    const list = await listNotices(h.db, who.t1, bondId);
    expect(list[0]!.details.place).toBe("ICE field office, Room 3");
    expect(list[0]!.deadline!.local).toMatch(/ 09:00 America\/Chicago$/);
    expect((await openDeadlines(h.db)).some((d) => d.noticeId === r.noticeId)).toBe(true);
    const audits = await h.db.select().from(auditLog).where(like(auditLog.action, "notice.%"));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["notice.recorded", "notice.scan_downloaded", "notice.read"]),
    );
    expect(JSON.stringify(audits)).not.toContain("Room 3");
  });

  it("refuses bad input with a message naming the problem, and writes nothing", async () => {
    const { bondId } = await bondAt(h.db, "posted", who, { postedOn: inDays(-30) });
    const base = {
      form: "I-340",
      servedOn: inDays(-1),
      servedBy: "mail",
      deliveryDate: inDays(10),
      deliveryTime: "10:00",
      timeZone: "America/New_York",
      place: "Field office",
    };
    const cases: [Record<string, unknown>, Uint8Array | null, RegExp][] = [
      [{ ...base, deliveryDate: inDays(-2) }, null, /already passed/],
      [{ ...base, servedOn: inDays(3) }, null, /cannot be in the future/],
      [base, Buffer.from("GIF89a....."), /not a PDF, JPEG or PNG/],
      [base, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), /limit is 10 MB/],
      [{ ...base, deliveryDate: "2030-03-10", deliveryTime: "02:30" }, null, /skipped when clocks go forward/],
      [{ ...base, timeZone: "Mars/Olympus" }, null, /facility's time zone/],
      [{ ...base, form: "I-999" }, null, /Choose which notice/],
    ];
    for (const [input, bytes, message] of cases) {
      await expect(recordNotice(h.db, who.t1, bondId, input, bytes ? { bytes } : null)).rejects.toThrow(message);
      expect(await notices(bondId)).toBe(0);
    }
    await recordNotice(h.db, who.t1, bondId, base, null);
    await expect(recordNotice(h.db, who.t1, bondId, base, null)).rejects.toThrow(/already recorded/);
    expect(await notices(bondId)).toBe(1);
  });

  it("an I-323 served by mail breaches the bond and allows the appeal on day 33, not 34", async () => {
    const { bondId } = await bondAt(h.db, "posted", who, { postedOn: inDays(-200) });
    const servedOn = inDays(-100);
    const r = await recordNotice(h.db, who.t1, bondId, { form: "I-323", servedOn, servedBy: "mail" }, { bytes: PDF });
    expect(r.deadline!.kind).toBe("appeal_i290b");
    const [b] = await h.db.select().from(bonds).where(eq(bonds.id, bondId));
    expect(b).toMatchObject({ status: "breached", i323On: servedOn });
    const day = (n: number) => iso(new Date(Date.parse(`${servedOn}T00:00:00Z`) + n * 86_400_000));
    await expect(advanceBond(h.db, who.t1, bondId, "appeal", { filedOn: day(34) })).rejects.toThrow(/within 33 days/);
    await advanceBond(h.db, who.t1, bondId, "appeal", { filedOn: day(33) });
    // The appeal closes the deadline.
    expect((await openDeadlines(h.db)).some((d) => d.noticeId === r.noticeId)).toBe(false);
  });

  it("refuses an I-391 on a forfeited bond, and an I-340 on a cancelled one", async () => {
    const { bondId } = await bondAt(h.db, "posted", who, { postedOn: inDays(-90) });
    await recordNotice(h.db, who.t1, bondId, { form: "I-323", servedOn: inDays(-60), servedBy: "email" }, null);
    await advanceBond(h.db, who.t1, bondId, "forfeit", { forfeitedOn: inDays(-1) });
    await expect(
      recordNotice(h.db, who.t1, bondId, { form: "I-391", servedOn: inDays(-1), servedBy: "mail" }, null),
    ).rejects.toThrow(/I-391 notice does not fit a bond that is forfeited/);
    const c = await bondAt(h.db, "posted", who, { postedOn: inDays(-90) });
    await recordNotice(h.db, who.t1, c.bondId, { form: "I-391", servedOn: inDays(-2), servedBy: "mail" }, null);
    expect((await h.db.select().from(bonds).where(eq(bonds.id, c.bondId)))[0]!.status).toBe("cancelled");
    await expect(
      recordNotice(
        h.db,
        who.t1,
        c.bondId,
        {
          form: "I-340",
          servedOn: inDays(-1),
          servedBy: "mail",
          deliveryDate: inDays(5),
          deliveryTime: "10:00",
          timeZone: "America/New_York",
          place: "Field office",
        },
        null,
      ),
    ).rejects.toThrow(/does not fit a bond that is cancelled/);
  });
});

/** Two "instances": two pools on one PostgreSQL database (or, on PGlite, one handle shared by two racers). */
async function secondInstance(): Promise<{ db: DbHandle["db"]; close: () => Promise<void> } | null> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || inject("templates").kind === "pglite") return null;
  const admin = adminSql(url);
  const rows = await h.db.execute<{ d: string }>("SELECT current_database() AS d" as never);
  await admin.end();
  const name = (Array.isArray(rows) ? rows[0] : (rows as { rows: { d: string }[] }).rows[0])!.d;
  const other = await openDb({ url: databaseUrl(url, name), migrate: false, poolMax: 4 });
  return { db: other.db, close: other.close };
}

describe("daily deadline digest", () => {
  it("sends exactly once per recipient per day, with instances racing, again and again, and after a restart", async () => {
    // Move the clock to the afternoon so the digest hour has passed, whatever time the test runs.
    const afternoon = new Date(`${inDays(0)}T20:00:00Z`);
    setClockOffset(afternoon.getTime() - Date.now());
    const other = (await secondInstance()) ?? { db: h.db, close: async () => {} };
    try {
      const runs = await Promise.all(
        Array.from({ length: 8 }, (_, i) => sendDeadlineDigests(i % 2 ? other.db : h.db, afternoon)),
      );
      const day = runs[0]!.day;
      const digests = await h.db
        .select()
        .from(outboxMessages)
        .where(like(outboxMessages.dedupeKey, `deadline-digest:%:${day}`));
      // Two treasurers and the lawyer of record of the campaigns with deadlines.
      expect(digests.map((d) => d.toAddress).sort()).toEqual(["lawyer@after.test", "t1@after.test", "t2@after.test"]);
      expect(runs.reduce((s, r) => s + r.sent, 0)).toBe(3);
      // A restart is a new process reading the same claims: nothing more.
      expect((await sendDeadlineDigests(h.db, afternoon)).sent).toBe(0);
      const text = digests.find((d) => d.toAddress === "t1@after.test")!.textBody;
      expect(text).toMatch(/Deliver the person \(I-340\)/);
      expect(text).not.toMatch(/Room 3|Field office|Boston/);
      // The next day is a new digest.
      const tomorrow = new Date(afternoon.getTime() + 86_400_000);
      expect((await sendDeadlineDigests(other.db, tomorrow)).sent).toBe(3);
    } finally {
      setClockOffset(0);
      await other.close();
    }
  });
});
