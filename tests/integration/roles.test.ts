import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { grantRole, requireRole, revokeRole, rolesOf } from "@/lib/auth/roles";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => h?.close());

describe("roles", () => {
  it("grants several roles to one person, once each, and audits each grant", async () => {
    const a = await grantRole(h.db, { email: " Ana@Example.org ", role: "lawyer", actorUserId: null });
    expect(a.created).toBe(true);
    const b = await grantRole(h.db, { email: "ana@example.org", role: "treasurer", actorUserId: null });
    expect(b).toEqual({ userId: a.userId, created: false });
    await grantRole(h.db, { email: "ana@example.org", role: "treasurer", actorUserId: null });
    expect(await rolesOf(h.db, a.userId)).toEqual(["lawyer", "treasurer"]);
    const audits = rowsOf<{ action: string }>(
      await h.db.execute(sql`SELECT action FROM audit_log WHERE subject_id = ${a.userId}`),
    );
    expect(audits.map((r) => r.action)).toEqual(["role.granted", "role.granted"]);
    await revokeRole(h.db, { userId: a.userId, role: "lawyer", actorUserId: a.userId });
    expect(await rolesOf(h.db, a.userId)).toEqual(["treasurer"]);
  });

  it("rejects a malformed email and writes nothing", async () => {
    await expect(grantRole(h.db, { email: "not-an-email", role: "admin", actorUserId: null })).rejects.toThrow(
      /valid email/,
    );
    const [n] = rowsOf<{ n: number }>(
      await h.db.execute(sql`SELECT count(*)::int AS n FROM users WHERE email = 'not-an-email'`),
    );
    expect(n!.n).toBe(0);
  });

  it("keeps the audit log append-only", async () => {
    await expect(h.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  });

  it("guards refuse the anonymous and the wrong role", () => {
    expect(() => requireRole(null, "admin")).toThrow(expect.objectContaining({ code: "unauthorized" }));
    expect(() => requireRole({ userId: "u", roles: ["lawyer"] }, "treasurer", "admin")).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(requireRole({ userId: "u", roles: ["lawyer", "admin"] }, "admin").userId).toBe("u");
  });
});
