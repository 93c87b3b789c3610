import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { formatUsd } from "@/lib/money";
import { giftDetail } from "@/lib/donations/gifts-overview";
import { MoneyLink, StatusBadge } from "../../components/money";
import { pageError } from "@/app/components/staff/page-error";
import { refundGiftAction } from "../actions";
import { RefundGiftForm } from "./refund-gift-form";

export const metadata: Metadata = { title: "Gift" };
export const dynamic = "force-dynamic";

export default async function GiftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  let g;
  try {
    g = await giftDetail(await getDb(), await currentPrincipal(), id);
  } catch (e) {
    return pageError(e);
  }
  if (!g) notFound();
  const left = g.amount - g.refunded;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <section className="rounded-xl border border-line bg-white p-4 text-sm">
        <h1 className="mb-3 text-xl font-semibold">Gift to {g.alias}*</h1>
        <dl className="grid grid-cols-[10rem_1fr] gap-y-1">
          <dt className="text-muted">Status</dt>
          <dd>
            <StatusBadge status={g.status} />
          </dd>
          <dt className="text-muted">Amount</dt>
          <dd>
            {formatUsd(g.amount)}
            {g.frequency === "monthly" ? " (monthly)" : ""}
          </dd>
          <dt className="text-muted">Covered fee</dt>
          <dd>{formatUsd(g.cover)}</dd>
          <dt className="text-muted">Stripe fee</dt>
          <dd>{g.fee === null ? "not reported yet" : formatUsd(g.fee)}</dd>
          <dt className="text-muted">Refunded</dt>
          <dd>{formatUsd(g.refunded)}</dd>
          <dt className="text-muted">To general pool if the campaign fails</dt>
          <dd>{g.consent ? "yes, the donor agreed" : "no, refund the donor"}</dd>
          <dt className="text-muted">Campaign {g.alias}* fund holds</dt>
          <dd data-testid="gift-campaign-held">
            <MoneyLink cents={g.campaignHeld} account={`campaign:${g.campaignId}`} />
          </dd>
          <dt className="text-muted">Stripe payment</dt>
          <dd className="font-mono text-xs">{g.pi ?? ""}</dd>
        </dl>
      </section>
      {left > 0 && g.pi && ["succeeded", "partially_refunded"].includes(g.status) ? (
        <section className="rounded-xl border border-line bg-white p-4">
          <h2 className="font-semibold">Refund this gift</h2>
          <p className="mb-3 mt-1 text-sm text-muted">
            Up to {formatUsd(left)}. Stripe keeps its fee. The refund comes out of what this gift gave its campaign; the
            general pool covers whatever the campaign no longer holds (for example after the bond was paid).
          </p>
          <RefundGiftForm
            action={refundGiftAction.bind(null, g.id)}
            alias={g.alias}
            left={left}
            share={g.campaignShare}
            held={g.campaignHeld}
          />
        </section>
      ) : null}
    </div>
  );
}
