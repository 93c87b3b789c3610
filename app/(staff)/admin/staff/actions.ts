"use server";
/** Staff administration actions; the lib requires the admin role and writes the audit log. */
import { redirect } from "next/navigation";
import { ROLES, type Role } from "@/db/schema";
import { inviteStaff, setStaffRoles } from "@/lib/admin/staff";
import { resetStaffPasskeys } from "@/lib/auth/passkeys/manage";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { sendPendingMail } from "@/lib/mail/send-pending";

export const inviteAction = validatedAction(
  anyFields,
  async (input, { db, me }) => {
    await inviteStaff(db, me, { email: input.email ?? "", role: input.role ?? "" });
    // Like the sign-in mail: try to send at once; the outbox loop retries what fails.
    await sendPendingMail(db, 5).catch(() => undefined);
    redirect("/admin/staff?done=invited");
  },
  // A refusal about the role goes next to the role field; anything else next to the email.
  { errorField: (input) => (!input.role || !ROLES.includes(input.role as Role) ? "role" : "email") },
);

export const setRolesAction = validatedAction(anyFields, async (_input, { db, me, formData }, userId: string) => {
  const remove = formData.get("intent") === "remove";
  const roles = remove
    ? []
    : formData
        .getAll("role")
        .map(String)
        .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  await setStaffRoles(db, me, { userId, roles });
  redirect(`/admin/staff?done=${remove ? "removed" : "roles"}`);
});

/** A lost device: the person's passkeys and recovery codes removed, their sessions ended (audited). */
export const resetPasskeysAction = validatedAction(anyFields, async (_input, { db, me }, userId: string) => {
  await resetStaffPasskeys(db, me, { userId });
  redirect("/admin/staff?done=passkeys_reset");
});
