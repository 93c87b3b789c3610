import Link from "next/link";
import { ActionForm } from "@/app/components/staff/action-form";
import { DoneBanner } from "@/app/components/staff/done-banner";
import { METHOD_LABELS } from "@/lib/offline-gifts/input";
import type { lineForMatching, OfflineGiftRow } from "@/lib/offline-gifts/queries";
import { Usd } from "../../components/money";
import { stateText } from "../../offline-gifts/gift-list";
import { SelectField, TextField } from "@/app/components/staff/fields";
import { matchDepositAction, returnCheckAction } from "./actions";
import { GiftChecklist } from "./gift-checklist";

const DONE: Record<string, string> = {
  matched: "Matched: the gifts below are deposited, and the books moved them from undeposited funds to the bank.",
  returned:
    "Recorded: the bank took the check back. The gift no longer counts toward its campaign (any part the campaign no longer held came from the general pool), and it is off the donor wall and the donor's statements.",
};

const label = (g: OfflineGiftRow) =>
  `${METHOD_LABELS[g.method]}${g.reference ? ` ${g.reference}` : ""} · ${g.donorName} · received ${g.receivedOn} · ${g.alias ? `${g.alias}*` : "General pool"}`;

/** Which recorded offline gifts does this bank line deposit? Their sum must equal the line to the cent. */
export function MatchLine({
  data: { line, waiting, deposited, returnable, returned },
  done,
}: {
  data: Awaited<ReturnType<typeof lineForMatching>>;
  done: string | undefined;
}) {
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/treasury/reconciliation/deposits" className="text-brand underline">
          ← Bank deposits of offline gifts
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
      <GiftLines title="Gifts in this deposit" testId="deposited-gifts" gifts={deposited} />
      <GiftLines title="The check this line took back" testId="returned-gift" gifts={returned} />
      {line.matchedKind ? null : line.amountCents < 0 ? (
        <ReturnedCheck lineId={line.id} lineCents={line.amountCents} candidates={returnable} />
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
            <GiftChecklist
              gifts={waiting.map((w) => ({ id: w.id, cents: w.amountCents, label: label(w) }))}
              lineCents={line.amountCents}
            />
          </ActionForm>
        </section>
      )}
    </div>
  );
}

/** A withdrawal: if it is the bank taking back a deposited check (it bounced), match it to that check. */
function ReturnedCheck({
  lineId,
  lineCents,
  candidates,
}: {
  lineId: string;
  lineCents: number;
  candidates: OfflineGiftRow[];
}) {
  if (!candidates.length)
    return (
      <p className="text-sm text-muted" data-testid="no-returnable">
        A withdrawal: it cannot deposit gifts. No deposited check of <Usd cents={-lineCents} /> was deposited on or
        before this date, so it is not a returned check either.
      </p>
    );
  return (
    <section className="rounded-xl border border-line bg-white p-4">
      <h2 className="font-semibold">Is this a returned check?</h2>
      <p className="mb-3 mt-1 text-sm text-muted">
        If the bank took back a check it could not collect (it bounced), choose it. The gift is then undone: it no
        longer counts toward its campaign (what the campaign no longer holds comes from the general pool), and it leaves
        the donor wall and the donor&apos;s statements. Tell the donor yourself; no mail is sent.
      </p>
      <ActionForm
        action={returnCheckAction.bind(null, lineId)}
        submitLabel="Record the returned check"
        danger
        testId="return-check"
        className="max-w-xl space-y-3"
      >
        <SelectField
          name="giftId"
          label="The check the bank returned"
          options={candidates.map((c) => ({ value: c.id, label: `${label(c)} · ${stateText(c.state)}` }))}
          defaultValue={candidates.length === 1 ? candidates[0]!.id : undefined}
        />
        <TextField name="reason" label="What the bank said" hint="For example: insufficient funds, account closed." />
      </ActionForm>
    </section>
  );
}

/** The gifts a matched line deposited or took back (nothing when none). */
function GiftLines({ title, testId, gifts }: { title: string; testId: string; gifts: OfflineGiftRow[] }) {
  if (!gifts.length) return null;
  return (
    <section className="rounded-xl border border-line bg-white p-4" data-testid={testId}>
      <h2 className="mb-2 font-semibold">{title}</h2>
      <ul className="space-y-1 text-sm">
        {gifts.map((d) => (
          <li key={d.id}>
            <Usd cents={d.amountCents} /> · {label(d)} · {stateText(d.state)}
          </li>
        ))}
      </ul>
    </section>
  );
}
