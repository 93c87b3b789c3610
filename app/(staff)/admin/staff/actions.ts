"use server";
/** Staff administration actions; the lib requires the admin role and writes the audit log. */
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { ROLES, type Role } from "@/db/schema";
import { inviteStaff, setStaffRoles } from "@/lib/admin/staff";
import { currentPrincipal } from "@/lib/auth/config";
import { attempt, type FormState } from "@/lib/forms/form-state";
import { sendPendingMail } from "@/lib/mail/send-pending";

export async function inviteAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  const db = await getDb();
  const r = await attempt(async () =>
    inviteStaff(db, me, { email: String(fd.get("email") ?? ""), role: String(fd.get("role") ?? "") }),
  );
  // zod names the field itself; a conflict ("already has the role") belongs to the address.
  if (!r.ok) return r.state.fieldErrors ? r.state : { ...r.state, fieldErrors: { email: r.state.message ?? "" } };
  // Like the sign-in mail: try to send at once; the outbox loop retries what fails.
  await sendPendingMail(db, 5).catch(() => undefined);
  redirect("/admin/staff?done=invited");
}

export async function setRolesAction(userId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  const remove = fd.get("intent") === "remove";
  const roles = remove
    ? []
    : fd
        .getAll("role")
        .map(String)
        .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const r = await attempt(async () => setStaffRoles(await getDb(), me, { userId, roles }));
  if (!r.ok) return r.state;
  redirect(`/admin/staff?done=${remove ? "removed" : "roles"}`);
}
