import type { Metadata } from "next";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { verifiedDone } from "@/lib/done-message";
import { OPEN_AT_ICE } from "@/lib/bonds/state-machine";
import { formatUsd } from "@/lib/money";
import { bondDetail, type BondDetail } from "@/lib/bonds/read-models";
import { MoneyLink, StatusBadge } from "../../components/money";
import { pageError } from "@/app/components/staff/page-error";
import { AfterReleaseLinks } from "./after-release-links";
import { BondForms } from "./bond-forms";
import { BondTimeline } from "./bond-timeline";
import { CaseFilePanel } from "./case-file-panel";
import { DateCorrectionForm } from "./date-correction-form";

export const metadata: Metadata = { title: "Bond" };
export const dynamic = "force-dynamic";

export default async function BondPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ caseFile?: string; done?: string; ds?: string }>;
}) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const reveal = sp.caseFile === "show";
  let d: BondDetail;
  try {
    d = await bondDetail(await getDb(), await currentPrincipal(), id, { revealCaseFile: reveal });
  } catch (e) {
    return pageError(e);
  }
  const b = d.bond;
  const done = verifiedDone(`/treasury/bonds/${id}`, sp.done, sp.ds);
  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">
          Bond for {d.campaign.alias}* <span className="text-base font-normal text-muted">· {d.campaign.region}</span>
        </h1>
        <StatusBadge status={b.status} />
        <span className="text-xl font-semibold tabular-nums" data-testid="bond-amount">
          {formatUsd(b.amountCents)}
        </span>
      </header>
      {done ? (
        <p
          role="status"
          className="rounded border border-brand/30 bg-brand-soft p-2 text-sm text-brand"
          data-testid="done"
        >
          {done}
        </p>
      ) : null}
      {b.paidOn ? <AfterReleaseLinks bondId={b.id} /> : null}
      <div className="grid gap-5 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <BondForms d={d} />
          <section className="rounded-lg border border-line bg-white p-4">
            <h2 className="mb-2 font-semibold">Timeline</h2>
            <BondTimeline d={d} />
          </section>
          <DateCorrectionForm d={d} />
        </div>
        <aside className="space-y-4">
          <section className="rounded-lg border border-line bg-white p-4 text-sm">
            <h2 className="mb-2 font-semibold">Books</h2>
            <dl className="grid grid-cols-[1fr_auto] gap-y-1">
              <dt>Bond receivable</dt>
              <dd className="text-right">
                <MoneyLink cents={OPEN_AT_ICE.includes(b.status) ? b.amountCents : 0} account={`bond:${b.id}`} />
              </dd>
              <dt>Campaign {d.campaign.alias}* fund</dt>
              <dd className="text-right">
                <MoneyLink cents={d.campaignBalanceCents} account={`campaign:${d.campaign.id}`} />
              </dd>
              <dt>General pool</dt>
              <dd className="text-right">
                <MoneyLink cents={d.generalBalanceCents} account="general" />
              </dd>
              {d.expectedInterestToday && b.status !== "refunded" ? (
                <>
                  <dt>Interest accrued to {d.today}</dt>
                  <dd className="text-right tabular-nums">
                    {d.expectedInterestToday.error ? "rate missing" : formatUsd(d.expectedInterestToday.cents)}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
          <CaseFilePanel d={d} revealed={reveal} />
        </aside>
      </div>
    </div>
  );
}
