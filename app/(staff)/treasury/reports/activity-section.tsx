import type { Activity } from "@/lib/reports/activity";
import { Rows } from "./report-rows";

/** Income and expenses over a period (from/to as typed, `to` inclusive), then the bonds' movements. */
export function ActivitySection({ activity, from, to }: { activity: Activity; from?: string; to?: string }) {
  return (
    <section className="rounded-xl border border-line bg-white p-4">
      <h2 className="mb-2 font-semibold">Statement of activity</h2>
      <form method="get" className="mb-3 flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col">
          From
          <input type="date" name="from" defaultValue={from} className="rounded border border-line px-2 py-1" />
        </label>
        <label className="flex flex-col">
          To (inclusive)
          <input type="date" name="to" defaultValue={to} className="rounded border border-line px-2 py-1" />
        </label>
        <button className="rounded bg-brand px-3 py-1.5 font-semibold text-white">Show</button>
      </form>
      <Rows
        rows={[
          ["Gifts", activity.gifts],
          ["Card fees", -activity.fees],
          ["Refunds to donors", -activity.refunds],
          ["Disputes", -activity.disputes],
          ["Bond interest received", activity.interest],
          ["Forfeitures (losses)", -activity.forfeitures],
          ["Provision for uncollectible bonds", -activity.provision],
          ["Net change in funds", activity.netChange],
        ]}
      />
      <h3 className="mb-1 mt-4 text-sm font-semibold">Bonds (assets moving, not expenses)</h3>
      <Rows
        rows={[
          ["Bonds paid to ICE", activity.bondsPaid],
          ["Bond principal refunded", activity.bondRefunds],
          ["Forfeited, written off against the allowance", activity.writeOffs],
        ]}
      />
    </section>
  );
}
