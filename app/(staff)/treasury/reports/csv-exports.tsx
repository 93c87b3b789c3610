/* eslint-disable @next/next/no-html-link-for-pages -- the CSV links are downloads from route handlers, not pages */

/** Links to the CSV downloads (route handlers under /treasury/exports). */
export function CsvExports() {
  return (
    <section className="rounded-xl border border-line bg-white p-4 text-sm">
      <h2 className="mb-2 font-semibold">CSV exports</h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <a className="underline" href="/treasury/exports/ledger">
            Ledger
          </a>
          : every posting of every entry.
        </li>
        <li>
          <a className="underline" href="/treasury/exports/gifts">
            Gifts
          </a>
          : amounts, fees, refunds and donor-wall names (no email addresses).
        </li>
        <li>
          <a className="underline" href="/treasury/exports/bonds">
            Bonds
          </a>
          : amounts and states, months only.
        </li>
        <li>
          <a className="underline" href="/treasury/exports/bonds-with-case-files">
            Bonds with case files
          </a>{" "}
          (treasurers only, recorded in the audit log): legal names, A-numbers, I-305 numbers and exact dates. Keep this
          file encrypted and delete it after use.
        </li>
      </ul>
    </section>
  );
}
