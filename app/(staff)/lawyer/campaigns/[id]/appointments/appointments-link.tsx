import Link from "next/link";

/** The campaign page's way into hearings, check-ins and reminders (one line in ../page.tsx). */
export function AppointmentsLink({ campaignId, status }: { campaignId: string; status: string }) {
  if (status === "draft") return null;
  return (
    <p className="rounded-md border border-line bg-white p-3 text-sm">
      <Link href={`/lawyer/campaigns/${campaignId}/appointments`} className="font-semibold text-brand underline">
        Appointments and reminders
      </Link>{" "}
      <span className="text-muted">
        — hearings, ICE check-ins, reminders to the person, attendance, address changes
      </span>
    </p>
  );
}
