import type { Metadata } from "next";
import { StaffNav } from "@/app/components/staff/staff-nav";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · OpenBond" } };

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <StaffNav
        area="Admin"
        links={[
          { href: "/admin", label: "Queues" },
          { href: "/admin/donor-names", label: "Donor names" },
          { href: "/admin/staff", label: "Staff" },
          { href: "/admin/audit", label: "Audit log" },
          { href: "/admin/obligor", label: "Fund obligor" },
        ]}
      />
      {children}
    </>
  );
}
