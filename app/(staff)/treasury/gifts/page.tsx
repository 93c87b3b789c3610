import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { giftsOverview } from "@/lib/donations/gifts-overview";
import { pendingBankGifts } from "@/lib/donations/pending-bank-gifts";
import { ActionForm } from "@/app/components/staff/action-form";
import { StatusBadge, Usd } from "../components/money";
import { pageError } from "@/app/components/staff/page-error";
import { resolvePurposeFailureAction } from "./actions";
import { PendingBankGifts } from "./pending-bank";

export const metadata: Metadata = { title: "Gifts and disputes" };
export const dynamic = "force-dynamic";

export default async function GiftsPage() {
  let data;
  let pendingBank;
  try {
    const [db, actor] = [await getDb(), await currentPrincipal()];
    data = await giftsOverview(db, actor);
    pendingBank = await pendingBankGifts(db, actor);
  } catch (e) {
    return pageError(e);
  }
  const th = "py-1 pr-3 text-left text-xs font-medium text-muted";
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Gifts and disputes</h1>
      <PendingBankGifts rows={pendingBank} />
      {data.cancelled.length ? (
        <section className="rounded-xl border border-accent/40 bg-white p-4">
          <h2 className="font-semibold">Cancelled before the bond was paid</h2>
          <p className="mt-1 text-sm text-muted">
            Gifts from donors who agreed go to the general pool; every other gift is refunded in full through Stripe
            (the card fees Stripe keeps fall on the general pool). Safe to run again.
          </p>
          {data.cancelled.map((c) => (
            <div key={c.id} className="mt-3 border-t border-line pt-3">
              <p className="mb-2 text-sm font-medium">
                {c.alias}* · {c.region}
              </p>
              <ActionForm
                action={resolvePurposeFailureAction.bind(null, c.id)}
                submitLabel="Redirect and refund the gifts"
                danger
                testId={`resolve-${c.id}`}
              />
            </div>
          ))}
        </section>
      ) : null}
      <section className="rounded-xl border border-line bg-white p-4">
        <h2 className="font-semibold">Disputes</h2>
        {data.disputes.length === 0 ? (
          <p className="mt-1 text-sm text-muted">None.</p>
        ) : (
          <table className="mt-2 w-full text-sm" data-testid="disputes">
            <thead>
              <tr>
                <th className={th}>Dispute</th>
                <th className={th}>Campaign</th>
                <th className={th}>Amount</th>
                <th className={th}>Status</th>
                <th className={th}>Effect on the books</th>
              </tr>
            </thead>
            <tbody>
              {data.disputes.map((d) => (
                <tr key={d.id} className="border-t border-line">
                  <td className="py-1 pr-3 font-mono text-xs">
                    <Link className="underline" href={`/treasury/gifts/${d.donationId}`}>
                      {d.id}
                    </Link>
                  </td>
                  <td className="pr-3">{d.alias}*</td>
                  <td className="pr-3">
                    <Usd cents={d.amount} />
                  </td>
                  <td className="pr-3">
                    <StatusBadge status={d.status} />
                  </td>
                  <td className="pr-3">
                    {d.reinstated
                      ? "Withdrawn, then given back (the $15 fee stays lost)"
                      : d.withdrawn
                        ? "Amount and $15 fee taken from Stripe balance"
                        : "Nothing yet"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="rounded-xl border border-line bg-white p-4">
        <h2 className="font-semibold">Latest gifts</h2>
        <table className="mt-2 w-full text-sm" data-testid="gifts">
          <thead>
            <tr>
              <th className={th}>When</th>
              <th className={th}>Campaign</th>
              <th className={th}>Gift</th>
              <th className={th}>Stripe fee</th>
              <th className={th}>Refunded</th>
              <th className={th}>Status</th>
              <th className={th}></th>
            </tr>
          </thead>
          <tbody>
            {data.gifts.map((g) => (
              <tr key={g.id} className="border-t border-line">
                <td className="py-1 pr-3">{g.at ? g.at.toISOString().slice(0, 10) : ""}</td>
                <td className="pr-3">{g.alias}*</td>
                <td className="pr-3">
                  <Usd cents={g.amount} />
                  {g.frequency === "monthly" ? " monthly" : ""}
                </td>
                <td className="pr-3">{g.fee === null ? "pending" : <Usd cents={g.fee} />}</td>
                <td className="pr-3">
                  <Usd cents={g.refunded} />
                </td>
                <td className="pr-3">
                  <StatusBadge status={g.status} />
                </td>
                <td>
                  <Link className="underline" href={`/treasury/gifts/${g.id}`}>
                    Open
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
