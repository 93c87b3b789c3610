/**
 * The server actions of issue 11's admin and account pages (donor-wall names, staff, own
 * sessions), fuzzed as fuzz-actions.test.ts does the others: called as Next.js calls them, with
 * malformed input; a refusal is a specific message and writes nothing.
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rowsOf, type Db, type DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { seedDemo } from "@/lib/seed/seed-demo";
import { principal } from "../fixtures/people";
import { badForm, badId, badString, changedTables, fingerprint, FUZZ_RUNS } from "../helpers/fuzz";
import { createTestDb } from "../helpers/test-db";

const session = vi.hoisted(() => ({ me: null as Principal | null }));
vi.mock("@/lib/auth/config", () => ({ currentPrincipal: async () => session.me, auth: async () => null }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("redirect"), { redirectTo: url });
  },
  notFound: () => {
    throw Object.assign(new Error("notFound"), { notFound: true });
  },
  unstable_rethrow: (e: { redirectTo?: string; notFound?: boolean }) => {
    if (e?.redirectTo || e?.notFound) throw e;
  },
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  unstable_cache: <F extends (...a: never[]) => unknown>(fn: F) => fn,
}));

const { decideDonorNamesAction } = await import("@/app/(staff)/admin/donor-names/actions");
const { inviteAction, resetPasskeysAction, setRolesAction } = await import("@/app/(staff)/admin/staff/actions");
const { removePasskeyAction, revokeSessionAction } = await import("@/app/(staff)/account/actions");

const GENERIC = [/Something went wrong/i, /went wrong on our side/i];
let h: DbHandle;
let db: Db;
const people = {} as Record<"admin" | "treasurer", Principal>;
let donation = "";

beforeAll(async () => {
  h = await createTestDb();
  db = h.db;
  await seedDemo(db);
  people.admin = await principal(db, "admin@openbond.example", []);
  people.treasurer = await principal(db, "treasurer@openbond.example", []);
  donation = String(
    rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM donations WHERE display_name IS NOT NULL LIMIT 1`))[0]!
      .id,
  );
});
afterAll(async () => h?.close());

async function check(who: Principal | null, run: () => Promise<unknown>, label: string): Promise<void> {
  session.me = who;
  const before = await fingerprint(db);
  let refused = "";
  try {
    const r = (await run()) as { status?: string; message?: string; fieldErrors?: Record<string, string> };
    if (r.status === "error") refused = [r.message, ...Object.values(r.fieldErrors ?? {})].join(" ");
  } catch (e) {
    if (!(e as { redirectTo?: string }).redirectTo && !(e as { notFound?: boolean }).notFound) throw e;
  }
  if (refused) {
    expect(refused.trim(), `${label}: empty message`).not.toBe("");
    for (const g of GENERIC) expect(refused, `${label}: generic message`).not.toMatch(g);
    expect(changedTables(before, await fingerprint(db)), `${label}: refused but wrote`).toEqual([]);
  }
}

const prop = (p: fc.IAsyncProperty<never>) => fc.assert(p, { numRuns: FUZZ_RUNS, endOnFailure: true });
const who = fc.constantFrom<"admin" | "treasurer" | "nobody">("admin", "treasurer", "nobody");
const as = (w: "admin" | "treasurer" | "nobody") => (w === "nobody" ? null : people[w]);

describe("fuzz: admin and account actions refuse malformed input clearly and write nothing", () => {
  it("donor-wall names: approve or hide", async () => {
    await prop(
      fc.asyncProperty(
        who,
        badForm(["decision", "donationId"]),
        fc.array(badId(donation, donation)),
        async (w, fd, ids) => {
          for (const id of ids) fd.append("donationId", id);
          // A valid approval of a real name is allowed to write; only refusals are checked.
          await check(as(w), () => decideDonorNamesAction({ status: "idle" }, fd), "decideDonorNamesAction");
        },
      ) as never,
    );
  });

  it("staff: invite, set roles, remove", async () => {
    await prop(
      fc.asyncProperty(who, badForm(["email", "role"]), async (w, fd) => {
        await check(as(w), () => inviteAction({ status: "idle" }, fd), "inviteAction");
      }) as never,
    );
    await prop(
      fc.asyncProperty(who, badString, badForm(["role", "intent"]), async (w, userId, fd) => {
        await check(as(w), () => setRolesAction(userId, { status: "idle" }, fd), "setRolesAction");
      }) as never,
    );
  });

  it("passkeys: an admin's reset, one's own removal", async () => {
    await prop(
      fc.asyncProperty(who, badString, async (w, id) => {
        await check(as(w), () => resetPasskeysAction(id, { status: "idle" }, new FormData()), "resetPasskeysAction");
        await check(as(w), () => removePasskeyAction(id, { status: "idle" }, new FormData()), "removePasskeyAction");
      }) as never,
    );
  });

  it("own sessions: revoke", async () => {
    await prop(
      fc.asyncProperty(who, badString, async (w, id) => {
        await check(as(w), () => revokeSessionAction(id, { status: "idle" }, new FormData()), "revokeSessionAction");
      }) as never,
    );
  });
});
