/**
 * A session that has not proved its second factor (an admin or treasurer fresh from the magic
 * link, a lawyer with a passkey not yet used) reaches nothing: every staff page (admin,
 * treasury, lawyer, account) sends it to the passkey page, every staff server action does
 * the same before running, every staff route handler answers 401, and nothing is written.
 * The files are found on disk, so a page or action added later is covered without editing this.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { users } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { IDLE } from "@/lib/forms/form-state";
import { changedTables, fingerprint } from "../../helpers/fuzz";
import { createTestDb } from "../../helpers/test-db";
import { routeToDb } from "../../helpers/webhook-harness";

const session = vi.hoisted(() => ({ me: null as Principal | null }));
vi.mock("@/lib/auth/config", () => ({
  currentPrincipal: async () => session.me,
  auth: async () => null,
  signOut: async () => {},
}));
vi.mock("next/navigation", () => {
  const tagged = (kind: string, to = "") => Object.assign(new Error(kind), { tagged: kind, to });
  return {
    redirect: (url: string) => {
      throw tagged("redirect", url);
    },
    notFound: () => {
      throw tagged("notFound");
    },
    forbidden: () => {
      throw tagged("forbidden");
    },
    unstable_rethrow: (e: { tagged?: string }) => {
      if (e?.tagged) throw e;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-openbond-peer": "198.51.100.9" }),
  cookies: async () => ({ get: () => ({ value: "not-a-real-session" }), set: () => {} }),
}));

const ROOT = path.resolve(__dirname, "../../../app/(staff)");
const AREAS = ["admin", "treasury", "lawyer", "account"];
const ID = "00000000-0000-4000-8000-000000000001";

function files(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return files(p, name);
    return f === name ? [p] : [];
  });
}
const under = (name: string) => AREAS.flatMap((a) => files(path.join(ROOT, a), name)).sort();
const rel = (p: string) => path.relative(ROOT, p);
const params = () => Promise.resolve({ id: ID, noticeId: ID, kind: "ledger", slug: "x" });

async function thrown(fn: () => unknown): Promise<{ tagged?: string; to?: string; code?: string } | "returned"> {
  try {
    await fn();
    return "returned";
  } catch (e) {
    return e as { tagged?: string; to?: string };
  }
}

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb({ demo: "run" });
  routeToDb(h);
  const [admin] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, "admin@openbond.example"));
  session.me = {
    userId: admin?.id ?? "someone",
    roles: [],
    secondFactor: "enrol",
    // Whatever roles the person holds, a pending session's principal carries none of them.
    pendingRoles: ["admin", "treasurer", "lawyer"],
  };
});
afterAll(async () => h?.close());

describe("an unverified session", () => {
  it("finds the staff pages, actions and routes on disk", () => {
    expect(under("page.tsx").length).toBeGreaterThan(20);
    expect(under("actions.ts").length).toBeGreaterThan(10);
    expect(under("route.ts").length).toBeGreaterThan(4);
  });

  for (const state of ["enrol", "verify"] as const) {
    it(`(${state}) every staff page sends it to the passkey page`, async () => {
      session.me = { ...session.me!, secondFactor: state };
      const wrong: string[] = [];
      for (const file of under("page.tsx")) {
        const Page = (await import(file)).default as (p: unknown) => unknown;
        const r = await thrown(() => Page({ params: params(), searchParams: Promise.resolve({}) }));
        if (r === "returned" || r.tagged !== "redirect" || r.to !== "/sign-in/passkey")
          wrong.push(`${rel(file)}: ${r === "returned" ? "rendered" : `${r.tagged ?? r.code} ${r.to ?? ""}`}`);
      }
      expect(wrong).toEqual([]);
    });

    it(`(${state}) every staff server action redirects to the passkey page and writes nothing`, async () => {
      session.me = { ...session.me!, secondFactor: state };
      const before = await fingerprint(h.db);
      const wrong: string[] = [];
      let count = 0;
      for (const file of under("actions.ts")) {
        const mod = (await import(file)) as Record<string, unknown>;
        for (const [name, fn] of Object.entries(mod)) {
          if (typeof fn !== "function" || name === "signOutAction") continue;
          count++;
          const fd = new FormData();
          fd.set("intent", "approve");
          // Bound ids first (as React passes them), then the previous state and the form.
          const r = await thrown(() => (fn as (...a: unknown[]) => unknown)(ID, ID, IDLE, fd));
          if (r === "returned" || r.tagged !== "redirect" || r.to !== "/sign-in/passkey")
            wrong.push(`${rel(file)} ${name}: ${r === "returned" ? "ran" : `${r.tagged ?? r.code} ${r.to ?? ""}`}`);
        }
      }
      expect(count).toBeGreaterThan(20);
      expect(wrong).toEqual([]);
      expect(changedTables(before, await fingerprint(h.db))).toEqual([]);
    });

    it(`(${state}) every staff route handler answers 401`, async () => {
      session.me = { ...session.me!, secondFactor: state };
      const wrong: string[] = [];
      for (const file of under("route.ts")) {
        const mod = (await import(file)) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
        for (const method of ["GET", "POST"].filter((m) => typeof mod[m] === "function")) {
          const res = await mod[method]!(new Request(`http://localhost/x?run=${ID}`, { method }), { params: params() });
          if (res.status !== 401) wrong.push(`${rel(file)} ${method}: ${res.status}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
