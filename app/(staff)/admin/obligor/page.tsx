import type { Metadata } from "next";
import { getDb } from "@/db";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { gate } from "@/app/components/staff/gate";
import { ObligorFields } from "@/app/components/obligor/obligor-fields";
import { formatAddress } from "@/lib/obligors/input";
import { fundObligorId, readObligor } from "@/lib/obligors/records";
import { saveFundObligorAction } from "./actions";

export const metadata: Metadata = { title: "Fund obligor" };
export const dynamic = "force-dynamic";

/** The fund's own obligor profile: used for every bond unless the treasurer chooses another obligor at payment. */
export default async function FundObligorPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const g = await gate("admin");
  if (g.denied) return g.denied;
  const db = await getDb();
  const id = await fundObligorId(db);
  const o = id ? await readObligor(db, g.me, id, "admin settings") : null;
  const { done } = await searchParams;
  return (
    <section className="max-w-3xl space-y-5">
      <h1 className="text-2xl font-semibold">Fund obligor</h1>
      <p className="text-sm text-muted">
        The fund posts bonds as a nonprofit obligor. ICE writes only to the obligor&apos;s address of record, so keep it
        current: after a move, file Form I-333 and record it on a bond&apos;s Obligor page.
      </p>
      {done === "saved" ? (
        <p role="status" className="rounded-md border border-brand bg-brand-soft p-3 text-sm">
          Saved. New bond payments use this profile by default.
        </p>
      ) : null}
      {o ? (
        <dl
          className="grid grid-cols-[12rem_1fr] gap-y-1 rounded-lg border border-line bg-white p-4 text-sm"
          data-testid="fund-obligor"
        >
          <dt className="text-muted">Name</dt>
          <dd>{o.secret.name}</dd>
          <dt className="text-muted">Representative</dt>
          <dd>{o.secret.representative || "—"}</dd>
          <dt className="text-muted">Address of record</dt>
          <dd>{formatAddress(o.current)}</dd>
          <dt className="text-muted">CeBONDS email</dt>
          <dd>{o.secret.cebondsEmail}</dd>
          <dt className="text-muted">Email service</dt>
          <dd>{o.secret.emailConsent ? "consented" : "not consented (paper mail only)"}</dd>
        </dl>
      ) : null}
      <ActionForm
        action={saveFundObligorAction}
        className="space-y-4 rounded-lg border border-line bg-white p-4"
        label="Fund obligor profile"
      >
        <h2 className="font-semibold">{o ? "Update the profile" : "Set the fund's obligor profile"}</h2>
        {o ? (
          <p className="text-xs text-muted">
            To change the address, use a bond&apos;s Obligor page (it keeps the history and the I-333 date).
          </p>
        ) : null}
        <ObligorFields
          defaults={
            o
              ? {
                  name: o.secret.name,
                  representative: o.secret.representative,
                  cebondsEmail: o.secret.cebondsEmail,
                  emailConsent: String(o.secret.emailConsent),
                  ...o.current,
                }
              : {}
          }
        />
        <SubmitButton>Save</SubmitButton>
      </ActionForm>
    </section>
  );
}
