import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { SelectField, TextField } from "@/app/components/staff/fields";
import { gate } from "@/app/components/staff/gate";
import { formatUsd } from "@/lib/money";
import { AGE_BUCKETS, BUCKET_LABEL } from "@/lib/recovery/aging";
import { moneyAtIceByAge } from "@/lib/recovery/aging-report";
import { readPolicy } from "@/lib/recovery/allowance";
import { applyPolicyAction, savePolicyAction } from "./actions";

export const metadata: Metadata = { title: "Allowance for bonds not expected back" };
export const dynamic = "force-dynamic";

export default async function AllowancePage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; change?: string }>;
}) {
  const g = await gate("treasurer", "admin");
  if (g.denied) return g.denied;
  const db = await getDb();
  const [policy, aging, sp] = await Promise.all([readPolicy(db), moneyAtIceByAge(db), searchParams]);
  const change = Number(sp.change ?? 0);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Allowance for bonds not expected back</h1>
      <p className="text-sm text-muted">
        A bond at ICE is a receivable. The allowance (a contra-asset) reduces it by what the fund expects not to get
        back; a forfeiture is then written off against it. Raising the allowance is a provision (a loss on the statement
        of activity); lowering it releases one. See{" "}
        <Link href="/treasury/reports" className="text-brand underline">
          Reports
        </Link>{" "}
        for the receivable gross, the allowance and the net.
      </p>
      {sp.done === "saved" ? (
        <p role="status" className="rounded-md border border-brand bg-brand-soft p-3 text-sm">
          Policy saved. Apply it to book the allowance.
        </p>
      ) : null}
      {sp.done === "applied" ? (
        <p role="status" className="rounded-md border border-brand bg-brand-soft p-3 text-sm" data-testid="done">
          Allowance applied:{" "}
          {change === 0 ? "no change" : `${change > 0 ? "raised" : "released"} by ${formatUsd(Math.abs(change))}`}; now{" "}
          {formatUsd(aging.allowanceCents)}.
        </p>
      ) : null}
      <ActionForm
        action={savePolicyAction}
        className="space-y-3 rounded-lg border border-line bg-white p-4"
        label="Allowance policy"
      >
        <SelectField
          name="mode"
          label="Policy"
          defaultValue={policy.mode}
          options={[
            { value: "by_age", label: "A percentage of the money at ICE, by age" },
            { value: "per_bond", label: "A judgement per bond (set on each bond's recovery page)" },
          ]}
        />
        <div className="grid gap-3 sm:grid-cols-4">
          {AGE_BUCKETS.map((b) => (
            <TextField key={b} name={b} label={`${BUCKET_LABEL[b]} (%)`} defaultValue={String(policy.bps[b] / 100)} />
          ))}
        </div>
        <SubmitButton variant="secondary">Save policy</SubmitButton>
      </ActionForm>
      <section className="rounded-lg border border-line bg-white p-4 text-sm">
        <p className="mb-2">
          Receivable (gross) {formatUsd(aging.totalCents)} · allowance on the books{" "}
          <strong>{formatUsd(aging.allowanceCents)}</strong> · net {formatUsd(aging.totalCents - aging.allowanceCents)}
        </p>
        <ActionForm action={applyPolicyAction}>
          <SubmitButton>Apply the policy to today&apos;s bonds</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
