import type { Metadata } from "next";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { listRates } from "@/lib/bonds/interest-rates";
import { ActionForm } from "@/app/components/staff/action-form";
import { pageError } from "@/app/components/staff/page-error";
import { addRateAction } from "./actions";

export const metadata: Metadata = { title: "Interest rates" };
export const dynamic = "force-dynamic";

function nextQuarter(latest: string | undefined): string {
  if (!latest) return "";
  const [y, m] = latest.split("-").map(Number) as [number, number];
  return m === 10 ? `${y + 1}-01-01` : `${y}-${String(m + 3).padStart(2, "0")}-01`;
}

export default async function RatesPage() {
  let rates: Awaited<ReturnType<typeof listRates>>;
  try {
    rates = await listRates(await getDb(), await currentPrincipal());
  } catch (e) {
    return pageError(e);
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <section>
        <h1 className="text-2xl font-semibold">Bond interest rates</h1>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          Treasury publishes one rate a calendar quarter (the average 91-day T-bill rate of the previous quarter, capped
          at 3% a year, never below zero). Expected interest on a refund is computed quarter by quarter from this table.
        </p>
        <table className="mt-4 w-full max-w-md bg-white text-sm" data-testid="rates">
          <thead className="text-left text-xs text-muted">
            <tr>
              <th className="p-2 font-medium">Quarter starting</th>
              <th className="p-2 text-right font-medium">Rate a year</th>
            </tr>
          </thead>
          <tbody>
            {rates.map((r) => (
              <tr key={r.quarterStart} className="border-t border-line">
                <td className="p-2 tabular-nums">{r.quarterStart}</td>
                <td className="p-2 text-right tabular-nums">{(r.rateBps / 100).toFixed(2)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="h-fit rounded-lg border border-line bg-white p-4">
        <h2 className="mb-2 font-semibold">Add a quarter</h2>
        <ActionForm
          action={addRateAction}
          submitLabel="Add rate"
          testId="form-rate"
          fields={[
            {
              name: "quarterStart",
              label: "Quarter starting",
              defaultValue: nextQuarter(rates[0]?.quarterStart),
              hint: "1 Jan, 1 Apr, 1 Jul or 1 Oct (YYYY-MM-DD)",
            },
            {
              name: "ratePercent",
              label: "Rate (% a year)",
              placeholder: "3.00",
              hint: "0 to 3, as Treasury published it",
            },
          ]}
        />
      </section>
    </div>
  );
}
