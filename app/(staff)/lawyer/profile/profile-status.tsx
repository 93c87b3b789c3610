import type { LawyerProfile } from "@/lib/campaigns/lawyer-dashboard";

const TEXT = {
  pending: "Your profile is waiting for verification by a fund administrator.",
  verified: "Your profile is verified. You can create campaigns.",
  rejected: "Your profile was not verified.",
} as const;

export function ProfileStatus({ profile }: { profile: LawyerProfile | null }) {
  if (!profile)
    return (
      <p className="text-muted" data-testid="profile-status">
        You have not submitted a lawyer profile yet.
      </p>
    );
  return (
    <div className="rounded-md border border-line bg-white p-3" data-testid="profile-status">
      <p>
        <span className="font-semibold">Status: {profile.status}.</span> {TEXT[profile.status]}
      </p>
      {profile.status === "rejected" && profile.rejectionReason ? (
        <p className="mt-1 text-sm">
          Reason: {profile.rejectionReason} You can correct the profile and submit it again.
        </p>
      ) : null}
    </div>
  );
}
