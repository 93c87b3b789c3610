import type { Metadata } from "next";
import { getDb } from "@/db";
import { ROLES } from "@/db/schema";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { SelectField, TextField } from "@/app/components/staff/fields";
import { gate } from "@/app/components/staff/gate";
import { listStaff } from "@/lib/admin/staff";
import { inviteAction, resetPasskeysAction, setRolesAction } from "./actions";
import { DoneBanner } from "@/app/components/staff/done-banner";

export const metadata: Metadata = { title: "Staff" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  invited: "Invitation sent: they can sign in with that address now.",
  roles: "Roles saved.",
  removed: "Removed from the staff: every role taken away and every session ended.",
  passkeys_reset:
    "Passkeys reset: every passkey and recovery code removed and every session ended. Their next sign-in creates a new passkey.",
};

export default async function StaffPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const g = await gate("admin");
  if (g.denied) return g.denied;
  const staff = await listStaff(await getDb(), g.me);
  const { done } = await searchParams;
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold">Staff</h1>
      <DoneBanner messages={DONE} code={done} />
      <div className="max-w-xl rounded-lg border border-line bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">Invite someone</h2>
        <ActionForm action={inviteAction} label="Invite staff" className="space-y-3">
          <TextField name="email" label="Email address" type="email" />
          <SelectField
            name="role"
            label="Role"
            options={ROLES.map((r) => ({ value: r, label: r[0]!.toUpperCase() + r.slice(1) }))}
            hint="Lawyers normally verify themselves through onboarding; invite one here only if the fund already checked them."
          />
          <SubmitButton>Send invitation</SubmitButton>
        </ActionForm>
      </div>
      <div>
        <h2 className="mb-2 text-lg font-semibold">Everyone with a role ({staff.length})</h2>
        <p className="mb-2 text-sm text-muted">
          Every change is written to the audit log. Nobody can take away their own admin role, and the fund always keeps
          at least one admin.
        </p>
        <ul className="grid gap-3 md:grid-cols-2" data-testid="staff-list">
          {staff.map((s) => {
            const self = s.userId === g.me.userId;
            return (
              <li
                key={s.userId}
                className="rounded-lg border border-line bg-white p-3 text-sm"
                data-testid={`staff-${s.email}`}
              >
                <p className="break-all font-medium">
                  {s.email}
                  {self ? <span className="ml-1 text-xs font-normal text-muted">(you)</span> : null}
                </p>
                <p className="mb-2 text-xs text-muted">
                  Signed in on {s.activeSessions} {s.activeSessions === 1 ? "device" : "devices"} ·{" "}
                  {s.passkeys ? `${s.passkeys} ${s.passkeys === 1 ? "passkey" : "passkeys"}` : "no passkey yet"}
                </p>
                <ActionForm
                  action={setRolesAction.bind(null, s.userId)}
                  label={`Roles of ${s.email}`}
                  className="flex flex-wrap items-center gap-x-4 gap-y-2"
                >
                  {ROLES.map((r) => {
                    const locked = self && r === "admin";
                    return (
                      <label key={r} className="flex items-center gap-1">
                        <input
                          type="checkbox"
                          name="role"
                          value={r}
                          defaultChecked={s.roles.includes(r)}
                          disabled={locked}
                          className="h-4 w-4 accent-brand"
                        />
                        {r}
                        {locked ? <input type="hidden" name="role" value="admin" /> : null}
                      </label>
                    );
                  })}
                  <span className="flex gap-2">
                    <SubmitButton variant="secondary">Save roles</SubmitButton>
                    {self ? null : (
                      <SubmitButton name="intent" value="remove" variant="danger">
                        Remove from staff
                      </SubmitButton>
                    )}
                  </span>
                </ActionForm>
                {!self && s.passkeys ? (
                  <ActionForm
                    action={resetPasskeysAction.bind(null, s.userId)}
                    label={`Passkeys of ${s.email}`}
                    className="mt-2 border-t border-line pt-2"
                  >
                    <SubmitButton variant="secondary">Reset passkeys (lost device)</SubmitButton>
                  </ActionForm>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
