import type { Metadata } from "next";
import { gate } from "@/app/components/staff/gate";
import { CampaignForm } from "../campaign-form";

export const metadata: Metadata = { title: "New campaign" };
export const dynamic = "force-dynamic";

export default async function NewCampaignPage() {
  const g = await gate("lawyer");
  if (g.denied) return g.denied;
  return (
    <section>
      <h1 className="mb-1 text-2xl font-semibold">New campaign</h1>
      <p className="mb-6 text-sm text-muted">
        A draft is private until you submit it and a fund administrator approves the public text.
      </p>
      <CampaignForm />
    </section>
  );
}
