import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { SelectField, TextAreaField, TextField } from "@/app/components/staff/fields";
import { readPolicy } from "@/lib/recovery/allowance";
import { recoveryView, refundAlerts } from "@/lib/recovery/claims";
import { claimMailedAction, followupAction, judgementAction } from "./actions";
import { BondSubPageHeader, loadBondSubPage, type BondSubPageProps } from "../bond-sub-page";

export const metadata: Metadata = { title: "Refund recovery" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  mailed: "Claim recorded as mailed. The dashboard alerts at 90, 180 and 365 days without a refund.",
  followup: "Follow-up logged.",
  judgement: "Judgement saved. Apply the allowance policy from the treasury dashboard to book it.",
};

export default async function RecoveryPage(props: BondSubPageProps) {
  const r = await loadBondSubPage(props, async (db, me, bondId) => {
    const [view, alerts, policy] = await Promise.all([recoveryView(db, me, bondId), refundAlerts(db), readPolicy(db)]);
    return { view, alert: alerts.find((a) => a.bondId === bondId) ?? null, policy };
  });
  if (r.denied) return r.denied;
  const { bond, done } = r;
  const { view, alert, policy } = r.data;
  const base = `/treasury/bonds/${bond.id}`;
  const canClaim = bond.status === "cancelled" || bond.status === "refund_claimed";
  return (
    <div className="space-y-6">
      <BondSubPageHeader bond={bond} title="Getting the money back" messages={DONE} done={done} />
      {alert ? (
        <p role="alert" className="rounded-md border border-accent bg-accent/5 p-3 text-sm" data-testid="refund-alert">
          No refund {alert.daysSinceClaim} days after the claim was mailed (past the {alert.level}-day mark). Call or
          write to the Debt Management Center and log it below.
          {alert.foia ? (
            <>
              {" "}
              <a href={`${base}/recovery/foia`} className="font-semibold text-brand underline">
                Download a draft FOIA request (PDF)
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      <section className="rounded-lg border border-line bg-white p-4 text-sm">
        <h2 className="mb-2 font-semibold">1. The claim packet</h2>
        {canClaim ? (
          <>
            <p className="mb-2">
              A cover letter to ICE&apos;s Debt Management Center (Bond Unit, Williston VT) with the bond and I-305
              numbers, the obligor and its address of record, and the checklist of what to enclose.
            </p>
            <a
              href={`${base}/recovery/packet`}
              className="inline-block rounded-md bg-brand px-4 py-2 font-semibold text-white"
            >
              Generate the refund-claim packet (PDF)
            </a>
            {view.packetGeneratedAt ? (
              <p className="mt-2 text-xs text-muted">
                Last generated {view.packetGeneratedAt.toISOString().slice(0, 10)}.
              </p>
            ) : null}
          </>
        ) : (
          <p className="text-muted">
            The packet needs ICE&apos;s I-391 cancellation notice:{" "}
            <Link href={`${base}/notices`} className="text-brand underline">
              record it on the notices page
            </Link>
            .
          </p>
        )}
      </section>
      <section className="rounded-lg border border-line bg-white p-4 text-sm">
        <h2 className="mb-2 font-semibold">2. Mailed</h2>
        {view.mailedOn ? (
          <p data-testid="claim-mailed">
            Mailed on <strong className="tabular-nums">{view.mailedOn}</strong>, tracking number{" "}
            <strong>{view.trackingNumber}</strong>.
          </p>
        ) : bond.status === "cancelled" ? (
          <ActionForm
            action={claimMailedAction.bind(null, bond.id)}
            className="grid gap-3 sm:grid-cols-3"
            label="Record the claim mailed"
          >
            <TextField name="mailedOn" type="date" label="Mailed on" />
            <TextField name="trackingNumber" label="Tracking number" hint="Certified mail or courier" />
            <div className="self-end">
              <SubmitButton>Record mailed</SubmitButton>
            </div>
          </ActionForm>
        ) : (
          <p className="text-muted">Not yet.</p>
        )}
      </section>
      {canClaim ? (
        <section className="rounded-lg border border-line bg-white p-4 text-sm">
          <h2 className="mb-2 font-semibold">3. Follow-ups ({view.followups.length})</h2>
          <ul className="mb-3 space-y-1">
            {view.followups.map((f) => (
              <li key={f.id} className="border-t border-line pt-1">
                <span className="tabular-nums">{f.occurredOn}</span> · {f.channel} · <strong>{f.who}</strong>: {f.said}
              </li>
            ))}
          </ul>
          <ActionForm action={followupAction.bind(null, bond.id)} className="space-y-3" label="Log a follow-up">
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectField
                name="channel"
                label="How"
                options={[
                  { value: "call", label: "Call" },
                  { value: "letter", label: "Letter" },
                  { value: "email", label: "Email" },
                ]}
              />
              <TextField name="occurredOn" type="date" label="When" />
              <TextField name="who" label="Who" hint="Name, desk or office" />
            </div>
            <TextAreaField name="said" label="What was said" max={2000} rows={3} />
            <SubmitButton variant="secondary">Log follow-up</SubmitButton>
          </ActionForm>
        </section>
      ) : null}
      {policy.mode === "per_bond" ? (
        <section className="rounded-lg border border-line bg-white p-4 text-sm">
          <h2 className="mb-2 font-semibold">Allowance: share not expected back</h2>
          <ActionForm
            action={judgementAction.bind(null, bond.id)}
            className="flex items-end gap-3"
            label="Judgement for this bond"
          >
            <TextField name="percent" label="Percent" hint="0–100, the fund's judgement for this bond" />
            <SubmitButton variant="secondary">Save judgement</SubmitButton>
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
