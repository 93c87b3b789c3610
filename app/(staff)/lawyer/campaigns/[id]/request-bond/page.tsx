import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/app/components/staff/action-form";
import { pageError } from "@/app/components/staff/page-error";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { formatUsd } from "@/lib/money";
import { bondRequestContext } from "@/lib/bonds/request-context";
import { requestBondAction } from "./actions";

export const metadata: Metadata = { title: "Request the bond payment" };
export const dynamic = "force-dynamic";

export default async function RequestBondPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ requested?: string }>;
}) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  let ctx: Awaited<ReturnType<typeof bondRequestContext>>;
  try {
    ctx = await bondRequestContext(await getDb(), await currentPrincipal(), id);
  } catch (e) {
    return pageError(e);
  }
  const c = ctx.campaign;
  return (
    <div className="max-w-2xl space-y-5">
      <Link href={`/lawyer/campaigns/${c.id}`} className="text-sm text-brand underline">
        ← Back to {c.alias}*
      </Link>
      <h1 className="text-2xl font-semibold">
        Request the bond payment · {c.alias}* <span className="text-base font-normal text-muted">{c.region}</span>
      </h1>
      <dl className="grid grid-cols-[14rem_auto] gap-y-1 rounded-lg border border-line bg-white p-4 text-sm">
        <dt className="text-muted">Campaign fund holds</dt>
        <dd className="font-semibold tabular-nums" data-testid="campaign-held">
          {formatUsd(ctx.heldCents)}
        </dd>
        <dt className="text-muted">Campaign goal (bond amount)</dt>
        <dd className="tabular-nums">{formatUsd(c.goalCents)}</dd>
        <dt className="text-muted">Fund&apos;s general pool</dt>
        <dd className="tabular-nums">{formatUsd(ctx.generalCents)}</dd>
      </dl>
      {ctx.openBond ? (
        <p
          role="status"
          className="rounded border border-brand/30 bg-brand-soft p-3 text-sm text-brand"
          data-testid="request-status"
        >
          {sp.requested ? "Request sent. " : ""}A {formatUsd(ctx.openBond.amountCents)} bond payment is{" "}
          {ctx.openBond.status.replace("_", " ")}. The fund&apos;s treasurers approve it (two of them for large bonds),
          pay ICE and record the I-305 receipt; you will not be the obligor.
        </p>
      ) : ctx.canRequest ? (
        <section className="rounded-lg border border-line bg-white p-4">
          <ActionForm
            action={requestBondAction.bind(null, c.id)}
            submitLabel="Request payment"
            testId="form-request-bond"
            fields={[
              {
                name: "amount",
                label: "Bond amount as ordered (dollars)",
                defaultValue: String(c.goalCents / 100),
                hint: "The full amount on the bond order, e.g. 5,000",
              },
              {
                name: "topUp",
                label: "Top-up from the general pool (optional, dollars)",
                placeholder: "0",
                hint: "Only if the campaign holds less than the bond.",
              },
            ]}
          >
            <p className="text-sm text-muted">
              The campaign&apos;s money pays the bond first. If it is short, you may ask the fund to add the difference
              from its general pool: the money donors gave for any bond and the refunds of earlier bonds. A treasurer
              decides when approving. When this bond is refunded, all of it returns to the general pool.
            </p>
          </ActionForm>
        </section>
      ) : (
        <p className="text-sm text-muted">
          This campaign is {c.status.replace("_", " ")}; a bond payment can be requested only while it is live or
          funded.
        </p>
      )}
    </div>
  );
}
