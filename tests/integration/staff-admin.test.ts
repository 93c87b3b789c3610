import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { outboxMessages, sessions } from "@/db/schema";
import { listMySessions, revokeMySession, sessionId } from "@/lib/admin/my-sessions";
import { inviteStaff, listStaff, setStaffRoles } from "@/lib/admin/staff";
import { rolesOf, type Principal } from "@/lib/auth/roles";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";

// Issue 11, threat model: an admin invites, removes and re-roles staff in the UI, all audited;
// the fund keeps an admin; staff see and end their own sessions.

let h: DbHandle;
let admin: Principal, admin2: Principal, treasurer: Principal;

beforeAll(async () => {
  h = await createTestDb();
  admin = await principal(h.db, "admin@staff-admin.example", ["admin"]);
  admin2 = await principal(h.db, "admin2@staff-admin.example", ["admin"]);
  treasurer = await principal(h.db, "t@staff-admin.example", ["treasurer"]);
});
afterAll(async () => h?.close());

const auditRows = async (subject: string) =>
  rowsOf<{ action: string; actor: string; details: Record<string, unknown> }>(
    await h.db.execute(
      sql`SELECT action, actor_user_id AS actor, details FROM audit_log WHERE subject_id = ${subject} ORDER BY at, id`,
    ),
  );

async function addSession(userId: string, token: string, hours = 8) {
  await h.db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + hours * 3600_000) });
}

describe("invite", () => {
  it("grants the role, queues an invitation mail, and audits it", async () => {
    const { userId } = await inviteStaff(h.db, admin, { email: " New.Treasurer@Example.org ", role: "treasurer" });
    expect(await rolesOf(h.db, userId)).toEqual(["treasurer"]);
    const mail = await h.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, "new.treasurer@example.org"));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.textBody).toMatch(/treasurer role/);
    expect(mail[0]!.textBody).toMatch(/\/sign-in/);
    expect((await auditRows(userId)).map((r) => [r.action, r.actor, r.details.role])).toEqual([
      ["role.granted", admin.userId, "treasurer"],
    ]);
    expect((await listStaff(h.db, admin)).map((s) => s.email)).toContain("new.treasurer@example.org");
  });

  it("is for admins only and refuses bad input without writing", async () => {
    await expect(inviteStaff(h.db, treasurer, { email: "x@example.org", role: "admin" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(listStaff(h.db, treasurer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(inviteStaff(h.db, admin, { email: "not an email", role: "treasurer" })).rejects.toMatchObject({
      code: "validation",
      message: "Enter a valid email address.",
    });
    await expect(inviteStaff(h.db, admin, { email: "y@example.org", role: "owner" })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(
      inviteStaff(h.db, admin, { email: "new.treasurer@example.org", role: "treasurer" }),
    ).rejects.toMatchObject({ code: "conflict" });
    const users = rowsOf<{ n: number }>(
      await h.db.execute(sql`SELECT count(*)::int AS n FROM users WHERE email IN ('x@example.org', 'y@example.org')`),
    );
    expect(Number(users[0]!.n)).toBe(0);
  });
});

describe("roles and removal", () => {
  it("changes roles, each change audited", async () => {
    await setStaffRoles(h.db, admin, { userId: treasurer.userId, roles: ["treasurer", "lawyer"] });
    expect(await rolesOf(h.db, treasurer.userId)).toEqual(["lawyer", "treasurer"]);
    await setStaffRoles(h.db, admin, { userId: treasurer.userId, roles: ["lawyer"] });
    expect(await rolesOf(h.db, treasurer.userId)).toEqual(["lawyer"]);
    const actions = (await auditRows(treasurer.userId)).filter((r) => r.actor === admin.userId);
    expect(actions.map((r) => `${r.action}:${r.details.role}`)).toEqual([
      "role.granted:lawyer",
      "role.revoked:treasurer",
    ]);
  });

  it("an admin cannot remove their own admin role, nor remove themselves", async () => {
    await expect(setStaffRoles(h.db, admin, { userId: admin.userId, roles: ["treasurer"] })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/your own admin role/),
    });
    await expect(setStaffRoles(h.db, admin, { userId: admin.userId, roles: [] })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await rolesOf(h.db, admin.userId)).toEqual(["admin"]);
  });

  it("another admin can demote an admin; the last admin always stays", async () => {
    await setStaffRoles(h.db, admin, { userId: admin2.userId, roles: ["treasurer"] });
    expect(await rolesOf(h.db, admin2.userId)).toEqual(["treasurer"]);
    // admin is now the only admin; admin2 (still holding a stale admin principal) cannot demote them.
    await expect(setStaffRoles(h.db, admin2, { userId: admin.userId, roles: [] })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await rolesOf(h.db, admin.userId)).toEqual(["admin"]);
  });

  it("removing a staff member takes every role and ends their sessions at once", async () => {
    await addSession(treasurer.userId, "tok-treasurer-1");
    await addSession(treasurer.userId, "tok-treasurer-2");
    await setStaffRoles(h.db, admin, { userId: treasurer.userId, roles: [] });
    expect(await rolesOf(h.db, treasurer.userId)).toEqual([]);
    expect(await h.db.select().from(sessions).where(eq(sessions.userId, treasurer.userId))).toEqual([]);
    const last = (await auditRows(treasurer.userId)).find((r) => r.action === "staff.removed");
    expect(last).toMatchObject({ action: "staff.removed", actor: admin.userId, details: { sessionsEnded: 2 } });
    expect((await listStaff(h.db, admin)).map((s) => s.userId)).not.toContain(treasurer.userId);
  });

  it("refuses someone who is not staff, and a malformed id, as clear errors", async () => {
    await expect(setStaffRoles(h.db, admin, { userId: treasurer.userId, roles: ["lawyer"] })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(setStaffRoles(h.db, admin, { userId: "", roles: [] })).rejects.toMatchObject({ code: "validation" });
  });
});

describe("own sessions", () => {
  it("lists only the caller's live sessions, never a token, and marks the current one", async () => {
    await addSession(admin.userId, "tok-admin-laptop");
    await addSession(admin.userId, "tok-admin-phone");
    await addSession(admin.userId, "tok-admin-old", -1);
    await addSession(admin2.userId, "tok-admin2");
    const list = await listMySessions(h.db, admin, "tok-admin-phone");
    expect(list.map((s) => s.id).sort()).toEqual([sessionId("tok-admin-laptop"), sessionId("tok-admin-phone")].sort());
    expect(list.find((s) => s.current)?.id).toBe(sessionId("tok-admin-phone"));
    expect(JSON.stringify(list)).not.toMatch(/tok-/);
  });

  it("revokes one of the caller's sessions, audited; another person's cannot be revoked", async () => {
    await revokeMySession(h.db, admin, { sessionId: sessionId("tok-admin-laptop") });
    expect((await listMySessions(h.db, admin)).map((s) => s.id)).toEqual([sessionId("tok-admin-phone")]);
    await expect(revokeMySession(h.db, admin, { sessionId: sessionId("tok-admin2") })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await h.db.select().from(sessions).where(eq(sessions.sessionToken, "tok-admin2"))).toHaveLength(1);
    await expect(revokeMySession(h.db, admin, { sessionId: "zzz" })).rejects.toMatchObject({ code: "validation" });
    expect((await auditRows(admin.userId)).map((r) => r.action)).toContain("session.revoked");
    await expect(listMySessions(h.db, null)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
