import type { Metadata } from "next";
import { getDb } from "@/db";
import { ActionForm } from "@/app/components/staff/action-form";
import { pageError } from "@/app/components/staff/page-error";
import { currentPrincipal } from "@/lib/auth/config";
import { requireRole } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { formatUsd } from "@/lib/money";
import { scheduleBDonors } from "@/lib/receipts/schedule-b";
import { yearOf } from "@/lib/receipts/statement";
import { resendStatementAction } from "./actions";

export const metadata: Metadata = { title: "Receipts and Schedule B" };
export const dynamic = "force-dynamic";

/** Year-end statements (resend) and the Schedule B list: treasurers only (donor addresses; every read audited). */
export default async function ReceiptsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const lastYear = yearOf(now()) - 1;
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= lastYear + 1 ? asked : lastYear;
  let rows: Awaited<ReturnType<typeof scheduleBDonors>>;
  try {
    const me = requireRole(await currentPrincipal(), "treasurer");
    rows = await scheduleBDonors(await getDb(), year, me.userId);
  } catch (e) {
    return pageError(e);
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <section>
        <h1 className="text-2xl font-semibold">Schedule B contributors, {year}</h1>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          Donors whose gifts in {year} reach $5,000 after refunds. Checks, wires and cash count too (those with the
          donor&apos;s email). Checkout asks for a name and address on any single gift of $5,000 or more; offline gifts
          carry only the name the treasurer recorded. Addresses are private: this page is for treasurers, and each visit
          is in the audit log.
        </p>
        <nav className="mt-2 flex gap-3 text-sm" aria-label="Year">
          {[lastYear + 1, lastYear, lastYear - 1, lastYear - 2].map((y) => (
            <a key={y} href={`/treasury/receipts?year=${y}`} className={y === year ? "font-semibold" : "underline"}>
              {y}
            </a>
          ))}
        </nav>
        {rows.length === 0 ? (
          <p className="mt-4 text-muted">No donor reached $5,000 in {year}.</p>
        ) : (
          <table className="mt-4 w-full bg-white text-sm" data-testid="schedule-b">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="p-2 font-medium">Donor</th>
                <th className="p-2 font-medium">Name and address</th>
                <th className="p-2 text-right font-medium">Gifts</th>
                <th className="p-2 text-right font-medium">Total</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.email} className="border-t border-line align-top">
                  <td className="p-2">{r.email}</td>
                  <td className="p-2">
                    {r.contact ? (
                      <>
                        {r.contact.name ?? "(no name)"}
                        <br />
                        {[r.contact.address.line1, r.contact.address.line2].filter(Boolean).join(", ")}
                        <br />
                        {[
                          r.contact.address.city,
                          r.contact.address.state,
                          r.contact.address.postal_code,
                          r.contact.address.country,
                        ]
                          .filter(Boolean)
                          .join(" ")}
                      </>
                    ) : r.offlineName ? (
                      <>
                        {r.offlineName}
                        <br />
                        <span className="text-amber-800">
                          Address not collected (offline gift: check, wire or cash): ask the donor.
                        </span>
                      </>
                    ) : (
                      <span className="text-amber-800">Not collected (no single gift of $5,000): ask the donor.</span>
                    )}
                  </td>
                  <td className="p-2 text-right tabular-nums">{r.gifts}</td>
                  <td className="p-2 text-right tabular-nums">{formatUsd(r.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="h-fit rounded-lg border border-line bg-white p-4">
        <h2 className="mb-2 font-semibold">Send a year-end statement again</h2>
        <p className="mb-3 text-sm text-muted">
          Every donor gets their statement in January. Send it again here, for a year that is over.
        </p>
        <ActionForm
          action={resendStatementAction}
          submitLabel="Send statement"
          testId="form-resend-statement"
          fields={[
            { name: "email", label: "Donor's email address" },
            { name: "year", label: "Year", defaultValue: String(lastYear), hint: "A year that is over" },
          ]}
        />
      </section>
    </div>
  );
}
