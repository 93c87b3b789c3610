import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { ActionForm } from "@/app/components/staff/action-form";
import { DoneBanner } from "@/app/components/staff/done-banner";
import { gate, load } from "@/app/components/staff/gate";
import { METHOD_LABELS } from "@/lib/offline-gifts/input";
import { lineForMatching, type OfflineGiftRow } from "@/lib/offline-gifts/queries";
import { Usd } from "../../../components/money";
import { stateText } from "../../../offline-gifts/gift-list";
import { matchDepositAction } from "./actions";

export const metadata: Metadata = { title: "Match a bank deposit" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  matched: "Matched: the gifts below are deposited, and the books moved them from undeposited funds to the bank.",
};

const label = (g: OfflineGiftRow) =>
  `${METHOD_LABELS[g.method]}${g.reference ? ` ${g.reference}` : ""} · ${g.donorName} · received ${g.receivedOn} · ${g.alias ? `${g.alias}*` : "General pool"}`;

/** Which recorded offline gifts does this bank line deposit? Their sum must equal the line to the cent. */
export default async function MatchLinePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const g = await gate("treasurer");
  if (g.denied) return g.denied;
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const r = await load(async () => lineForMatching(await getDb(), g.me, id));
  if (r.denied) return r.denied;
  const { line, waiting, deposited } = r.value;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/treasury/reconciliation" className="text-brand underline">
          ← Reconciliation
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Bank line of {line.postedOn}</h1>
      <DoneBanner messages={DONE} code={done} />
      <dl className="grid max-w-xl grid-cols-[8rem_1fr] gap-y-1 rounded-xl border border-line bg-white p-4 text-sm">
        <dt className="text-muted">Amount</dt>
        <dd className="font-semibold" data-testid="line-amount">
          <Usd cents={line.amountCents} />
        </dd>
        <dt className="text-muted">Description</dt>
        <dd>{line.description}</dd>
        <dt className="text-muted">Matched</dt>
        <dd data-testid="line-matched">{line.matchedKind ? line.matchedKind.replace("_", " ") : "not yet"}</dd>
      </dl>
      {deposited.length ? (
        <section className="rounded-xl border border-line bg-white p-4" data-testid="deposited-gifts">
          <h2 className="mb-2 font-semibold">Gifts in this deposit</h2>
          <ul className="space-y-1 text-sm">
            {deposited.map((d) => (
              <li key={d.id}>
                <Usd cents={d.amountCents} /> · {label(d)} · {stateText(d.state)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {line.matchedKind ? null : line.amountCents < 0 ? (
        <p className="text-sm text-muted">A withdrawal: it cannot deposit gifts.</p>
      ) : waiting.length === 0 ? (
        <p className="rounded-md border border-accent bg-accent/5 p-3 text-sm" data-testid="no-waiting">
          No recorded offline gift is waiting for deposit, so this line matches none. Record the checks first under{" "}
          <Link href="/treasury/offline-gifts" className="underline">
            Offline gifts
          </Link>
          .
        </p>
      ) : (
        <section className="rounded-xl border border-line bg-white p-4">
          <h2 className="font-semibold">Which gifts does this deposit carry?</h2>
          <p className="mb-3 mt-1 text-sm text-muted">
            Select them; together they must equal <Usd cents={line.amountCents} /> to the cent.
          </p>
          <ActionForm
            action={matchDepositAction.bind(null, line.id)}
            submitLabel="Match the selected gifts"
            testId="match-deposit"
          >
            <fieldset className="space-y-2">
              <legend className="sr-only">Gifts waiting for deposit</legend>
              {waiting.map((w) => (
                <label key={w.id} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="giftIds" value={w.id} className="mt-0.5 h-4 w-4" />
                  <span>
                    <strong>
                      <Usd cents={w.amountCents} />
                    </strong>{" "}
                    · {label(w)}
                  </span>
                </label>
              ))}
            </fieldset>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
