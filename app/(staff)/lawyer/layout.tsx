import type { Metadata } from "next";
import { StaffNav } from "@/app/components/staff/staff-nav";

export const metadata: Metadata = { title: { default: "Lawyer", template: "%s · Lawyer · OpenBond" } };

export default function LawyerLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <StaffNav
        area="Lawyer"
        links={[
          { href: "/lawyer", label: "My campaigns" },
          { href: "/lawyer/campaigns/new", label: "New campaign" },
          { href: "/lawyer/profile", label: "Profile" },
        ]}
      />
      {children}
    </>
  );
}
