import Link from "next/link";
import { day } from "@/app/components/staff/format";
import type { CampaignBond } from "@/lib/campaigns/lawyer-dashboard";
import { formatUsd } from "@/lib/money";

/** Where the bond stands, in the lawyer's words: what happens next and who does it. */
const BOND_STEP: Record<CampaignBond["status"], (b: CampaignBond) => string> = {
  requested: () => "Requested: waiting for the fund's treasurers to approve the payment.",
  approved: () => "Approved: a treasurer is paying ICE and will record the payment.",
  paid: (b) => `Paid to ICE on ${b.paidOn}: waiting for ICE's I-305 receipt.`,
  posted: (b) => `Posted on ${b.postedOn} (Form I-305). The bond comes back to the fund when the case ends.`,
  cancelled: () => "Cancelled by ICE (I-391): the fund is claiming the refund.",
  refund_claimed: () => "Refund claimed from ICE: waiting for the money.",
  refunded: () => "Refunded to the fund with interest.",
  breached: () => "Breach notice (I-323) received: talk to the fund's treasurers now about an appeal.",
  appealed: () => "Breach appealed: waiting for ICE's decision.",
  forfeited: () => "Forfeited.",
};

export function MoneyPanel({
  campaignId,
  goalCents,
  money,
  bond,
  canRequestBond,
}: {
  campaignId: string;
  goalCents: number;
  money: { raisedCents: number; heldCents: number };
  bond: CampaignBond | null;
  canRequestBond: boolean;
}) {
  const short = Math.max(goalCents - money.heldCents, 0);
  return (
    <section className="rounded-lg border border-line bg-white p-4" aria-labelledby="money-heading">
      <h2 id="money-heading" className="text-lg font-semibold">
        Money and bond
      </h2>
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[16rem_auto]">
        <dt className="text-muted">Campaign fund holds (gifts after card fees)</dt>
        <dd className="font-semibold tabular-nums" data-testid="lawyer-campaign-held">
          {formatUsd(money.heldCents)}
        </dd>
        <dt className="text-muted">Raised (the public figure: what the fund holds plus what it paid to ICE)</dt>
        <dd className="tabular-nums" data-testid="lawyer-campaign-raised">
          {formatUsd(money.raisedCents)}
        </dd>
        <dt className="text-muted">Bond amount (goal)</dt>
        <dd className="tabular-nums">
          {formatUsd(goalCents)}
          {short > 0 && !bond ? <span className="text-muted"> · {formatUsd(short)} still to raise</span> : null}
        </dd>
        <dt className="text-muted">Bond</dt>
        <dd data-testid="lawyer-bond-status">
          {bond ? (
            <>
              <span className="font-semibold">{formatUsd(bond.amountCents)}</span>, requested {day(bond.requestedAt)}.{" "}
              {BOND_STEP[bond.status](bond)}
            </>
          ) : (
            "No bond payment requested yet."
          )}
        </dd>
      </dl>
      {canRequestBond ? (
        <Link
          href={`/lawyer/campaigns/${campaignId}/request-bond`}
          className="mt-3 inline-block rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:opacity-90"
        >
          Request the bond payment
        </Link>
      ) : bond ? (
        <Link
          href={`/lawyer/campaigns/${campaignId}/request-bond`}
          className="mt-3 inline-block text-sm text-brand underline"
        >
          See the bond request
        </Link>
      ) : null}
    </section>
  );
}
