/**
 * The appointments page's server actions and the Twilio and calendar routes with generated
 * malformed input: a specific message (or 403 for an unsigned webhook), never an unexpected error,
 * and nothing written.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { createAppointment } from "@/lib/appointments/appointments";
import type { Principal } from "@/lib/auth/roles";
import { insertCampaign } from "../../fixtures/campaigns";
import { principal, verifiedLawyer } from "../../fixtures/people";
import { badForm, badId, badString, changedTables, fingerprint, FUZZ_RUNS } from "../../helpers/fuzz";
import { createTestDb } from "../../helpers/test-db";
import { routeToDb } from "../../helpers/webhook-harness";

const session = vi.hoisted(() => {
  process.env.TWILIO_ACCOUNT_SID = "AC" + "ab".repeat(16);
  process.env.TWILIO_AUTH_TOKEN = "fuzz-token-0123456789";
  process.env.TWILIO_FROM = "+15005550006";
  return { me: null as Principal | null };
});
vi.mock("@/lib/auth/config", () => ({ currentPrincipal: async () => session.me, auth: async () => null }));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  unstable_cache: <T>(fn: T) => fn,
}));

const actions = await import("@/app/(staff)/lawyer/campaigns/[id]/appointments/actions");
const status = await import("@/app/api/twilio/status/route");
const inbound = await import("@/app/api/twilio/inbound/route");
const calendar = await import("@/app/(staff)/lawyer/campaigns/[id]/appointments/calendar/route");

let h: DbHandle;
let lawyer: Principal;
let campaignId: string;
let appointmentId: string;

beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  const admin = await principal(h.db, "a@fz.example", ["admin"]);
  lawyer = await verifiedLawyer(h.db, "l@fz.example", admin);
  campaignId = await insertCampaign(h.db, { lawyerUserId: lawyer.userId, status: "bond_posted" });
  appointmentId = (
    await createAppointment(h.db, lawyer, campaignId, {
      kind: "other",
      date: new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10),
      time: "10:00",
      timeZone: "America/Denver",
      place: "Office",
    })
  ).appointmentId;
});
afterAll(async () => h?.close());

const prop = (p: fc.IAsyncProperty<never>) => fc.assert(p, { numRuns: FUZZ_RUNS, endOnFailure: true });

async function refused(run: () => Promise<{ status: string; message?: string; fieldErrors?: object }>, label: string) {
  session.me = lawyer;
  const before = await fingerprint(h.db);
  const r = await run();
  expect(r.status, label).toBe("error");
  const message = [r.message, ...Object.values(r.fieldErrors ?? {})].join(" ");
  expect(message.trim(), label).not.toBe("");
  expect(message, label).not.toMatch(/went wrong/i);
  expect(changedTables(before, await fingerprint(h.db)), `${label}: refused but wrote`).toEqual([]);
}

describe("fuzz: appointments actions", () => {
  it("registration, appointment, move, attendance, address and task forms", async () => {
    const idle = { status: "idle" as const };
    await prop(
      fc.asyncProperty(
        badId(campaignId),
        badForm(["phone", "email", "language", "channel", "consentDate", "lawyerPhone", "familyPhone"]),
        async (id, fd) => refused(() => actions.saveRegistrationAction(id, idle, fd), "saveRegistration"),
      ) as never,
    );
    await prop(
      fc.asyncProperty(
        badId(campaignId),
        badForm(["kind", "date", "time", "timeZone", "place", "note"]),
        async (id, fd) => refused(() => actions.createAppointmentAction(id, idle, fd), "createAppointment"),
      ) as never,
    );
    await prop(
      fc.asyncProperty(badId(appointmentId), badForm(["date", "time", "timeZone", "place"]), async (id, fd) =>
        refused(() => actions.moveAppointmentAction(campaignId, id, idle, fd), "moveAppointment"),
      ) as never,
    );
    await prop(
      fc.asyncProperty(badId(appointmentId), badForm(["outcome"]), async (id, fd) =>
        refused(() => actions.attendanceAction(campaignId, id, idle, fd), "attendance"),
      ) as never,
    );
    await prop(
      fc.asyncProperty(badId(campaignId), badForm(["street", "city", "state", "zip", "movedOn"]), async (id, fd) =>
        refused(() => actions.addressAction(id, idle, fd), "address"),
      ) as never,
    );
    await prop(
      fc.asyncProperty(badId(), async (id) =>
        refused(() => actions.completeTaskAction(campaignId, id, idle, new FormData()), "task"),
      ) as never,
    );
  });
});

describe("fuzz: Twilio and calendar routes", () => {
  it("unsigned or badly signed Twilio posts are 403 and write nothing; a bad calendar id is a 4xx", async () => {
    const before = await fingerprint(h.db);
    await prop(
      fc.asyncProperty(badString, fc.option(badString, { nil: undefined }), badString, async (body, sig, query) => {
        const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
        if (sig !== undefined && /^[\x20-\x7e]*$/.test(sig)) headers["x-twilio-signature"] = sig;
        // URLSearchParams encodes anything a client could send (a lone surrogate becomes U+FFFD, as in a browser).
        const u = new URL("http://localhost/api/twilio/status");
        u.searchParams.set("job", query);
        const url = u.toString();
        for (const handler of [status.POST, inbound.POST]) {
          const res = await handler(new Request(url, { method: "POST", headers, body }));
          expect(res.status).toBe(403);
        }
      }) as never,
    );
    expect(changedTables(before, await fingerprint(h.db))).toEqual([]);
    session.me = lawyer;
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const res = await calendar.GET(new Request("http://x/"), { params: Promise.resolve({ id }) });
      expect(res.status).toBe(404);
    }
    session.me = null;
    const anon = await calendar.GET(new Request("http://x/"), { params: Promise.resolve({ id: campaignId }) });
    expect(anon.status).toBe(401);
    session.me = lawyer;
    const ok = await calendar.GET(new Request("http://x/"), { params: Promise.resolve({ id: campaignId }) });
    expect(ok.status).toBe(200);
    const ics = await ok.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`UID:${appointmentId}@openbond`);
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
  });
});
