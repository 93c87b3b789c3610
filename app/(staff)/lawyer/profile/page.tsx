import type { Metadata } from "next";
import { getDb } from "@/db";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { TextField } from "@/app/components/staff/fields";
import { gate } from "@/app/components/staff/gate";
import { myLawyerProfile } from "@/lib/campaigns/lawyer-dashboard";
import { submitProfileAction } from "./actions";
import { ProfileStatus } from "./profile-status";

export const metadata: Metadata = { title: "Lawyer profile" };
export const dynamic = "force-dynamic";

export default async function LawyerProfilePage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const g = await gate();
  if (g.denied) return g.denied;
  const profile = await myLawyerProfile(await getDb(), g.me);
  const { sent } = await searchParams;
  return (
    <section className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Lawyer profile</h1>
      {sent ? (
        <p role="status" className="rounded-md border border-brand bg-brand-soft p-3 text-sm">
          Profile sent. A fund administrator will check it against the bar and EOIR records.
        </p>
      ) : null}
      <ProfileStatus profile={profile} />
      {profile?.status === "verified" ? null : (
        <ActionForm
          action={submitProfileAction}
          label="Lawyer profile"
          className="grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-2"
        >
          <TextField
            name="fullName"
            label="Full name"
            autoComplete="name"
            defaultValue={profile?.fullName}
            className="sm:col-span-2"
          />
          <TextField name="barNumber" label="Bar number" defaultValue={profile?.barNumber} />
          <TextField name="barState" label="Bar state" hint="Two letters, like NY" defaultValue={profile?.barState} />
          <TextField name="eoirId" label="EOIR ID" defaultValue={profile?.eoirId} />
          <TextField
            name="firm"
            label="Firm or organisation (optional)"
            autoComplete="organization"
            defaultValue={profile?.firm}
          />
          <div className="sm:col-span-2">
            <SubmitButton>{profile ? "Submit again for verification" : "Submit for verification"}</SubmitButton>
          </div>
        </ActionForm>
      )}
    </section>
  );
}
