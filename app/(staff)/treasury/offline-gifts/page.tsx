import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { DoneBanner } from "@/app/components/staff/done-banner";
import { gate, load } from "@/app/components/staff/gate";
import { offlineGiftsPage } from "@/lib/offline-gifts/queries";
import { Usd } from "../components/money";
import { GiftList } from "./gift-list";
import { RecordForm } from "./record-form";

export const metadata: Metadata = { title: "Offline gifts" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  recorded:
    "Gift recorded: it counts toward its campaign now and waits in undeposited funds until its bank deposit is matched.",
  reversed: "Gift reversed: it no longer counts toward its campaign, and the books show the reversal.",
};

/** Checks, wires and cash: record them, see which wait for deposit, reverse a mistake. Treasurers only (donor names). */
export default async function OfflineGiftsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const g = await gate("treasurer");
  if (g.denied) return g.denied;
  const { done } = await searchParams;
  const r = await load(async () => offlineGiftsPage(await getDb(), g.me));
  if (r.denied) return r.denied;
  const d = r.value;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Offline gifts</h1>
      <p className="max-w-3xl text-sm text-muted">
        Checks, wires, cash and other gifts that did not come through the website. A recorded gift counts toward its
        campaign at once and waits in undeposited funds (now <Usd cents={d.undepositedCents} />) until you match the
        bank line that deposits it:{" "}
        <Link href="/treasury/reconciliation/deposits" className="text-brand underline">
          bank deposits of offline gifts
        </Link>
        . A donor with an email gets a receipt.
      </p>
      <DoneBanner messages={DONE} code={done} />
      <section className="rounded-xl border border-line bg-white p-4">
        <h2 className="mb-3 font-semibold">Record a gift</h2>
        <RecordForm campaigns={d.campaigns} today={now().toISOString().slice(0, 10)} />
      </section>
      <section className="rounded-xl border border-line bg-white p-4">
        <h2 className="mb-2 font-semibold">Recorded gifts</h2>
        <GiftList gifts={d.gifts} />
      </section>
    </div>
  );
}
