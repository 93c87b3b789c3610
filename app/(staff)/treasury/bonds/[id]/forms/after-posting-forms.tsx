/**
 * The bond page after posting. ICE's notices (I-340, I-323 breach, I-391 cancellation) are recorded on
 * the notices page and the refund claim on the refund-recovery page, each with its deadline or alerts;
 * this page links there and keeps the steps that have no notice of their own.
 */
import { appealWindow } from "@/lib/bonds/appeal-window";
import { formatUsd } from "@/lib/money";
import type { BondDetail } from "@/lib/bonds/read-models";
import { ActionForm } from "@/app/components/staff/action-form";
import { BooksEffect, confirmField } from "../books-effect";
import { RefundForm } from "../refund-form";
import { Box, StepLink } from "./box";
import { type BondAct, dateField } from "./act";

export function PostedNext({ d }: { d: BondDetail }) {
  return (
    <Box title="Next: a notice from ICE">
      <p className="text-sm">
        When ICE serves a notice on the obligor, record it with its scan. An <strong>I-391</strong> (cancellation) marks
        the bond cancelled and starts the refund claim; an <strong>I-323</strong> (breach) marks it breached — the{" "}
        {formatUsd(d.bond.amountCents)} is at risk — and starts the appeal window; an <strong>I-340</strong> (deliver
        the person) starts its delivery deadline. Every deadline is on the treasury dashboard.
      </p>
      <StepLink href={`/treasury/bonds/${d.bond.id}/notices`}>Record a notice from ICE</StepLink>
    </Box>
  );
}

export function RefundSteps({ d, act }: { d: BondDetail; act: BondAct }) {
  const b = d.bond;
  return (
    <>
      {b.status === "cancelled" ? (
        <Box title="Next: mail the refund claim">
          <p className="text-sm">
            Generate the refund-claim packet for ICE&apos;s Debt Management Center, mail it, and record the mailing with
            its tracking number. The dashboard then alerts at 90, 180 and 365 days without a refund.
          </p>
          <StepLink href={`/treasury/bonds/${b.id}/recovery`}>Prepare and record the refund claim</StepLink>
        </Box>
      ) : null}
      <Box title="Refund received">
        <RefundForm
          action={act("refund")}
          amountCents={b.amountCents}
          postedOn={b.postedOn!}
          rates={d.rates}
          today={d.today}
        />
      </Box>
    </>
  );
}

export function BreachSteps({ d, act }: { d: BondDetail; act: BondAct }) {
  const b = d.bond;
  const w = appealWindow(b.i323On!, new Date(`${d.today}T12:00:00Z`), d.appealDays);
  return (
    <>
      {b.status === "breached" ? (
        <Box title="Appeal filed">
          <p className={`text-sm ${w.open ? "" : "font-medium text-accent"}`} data-testid="appeal-deadline">
            An appeal must be dated within {d.appealDays} days of the I-323 ({b.i323On}): by{" "}
            <strong>{w.deadline}</strong>.{" "}
            {w.open
              ? `${w.daysLeft} day(s) left.`
              : `The window closed ${-w.daysLeft} day(s) ago; a late appeal cannot be recorded.`}
          </p>
          <ActionForm
            action={act("appeal")}
            submitLabel="Record appeal"
            testId="form-appeal"
            fields={[dateField(d, "filedOn", "Appeal date")]}
          />
        </Box>
      ) : null}
      <Box title="Reinstated by ICE">
        <p className="text-sm">The bond is posted again; nothing moves in the books.</p>
        <ActionForm action={act("reinstate")} submitLabel="Reinstate" testId="form-reinstate" />
      </Box>
      <Box title="Forfeiture" danger>
        <p className="text-sm font-medium" data-testid="forfeit-effect">
          This records a loss of {formatUsd(b.amountCents)}: the bond receivable and bonds outstanding both fall by that
          amount. It cannot be undone except by a reversing entry.
        </p>
        <ActionForm
          action={act("forfeit")}
          submitLabel={`Record forfeiture (${formatUsd(b.amountCents)} loss)`}
          danger
          testId="form-forfeit"
          fields={[
            dateField(d, "forfeitedOn", "Forfeiture date"),
            ...(b.status === "breached" && w.open
              ? [
                  {
                    name: "noAppeal",
                    label: "No appeal will be filed (the appeal window is still open)",
                    type: "checkbox" as const,
                  },
                  { name: "noAppealReason", label: "Why no appeal will be filed (kept in the audit log)" },
                ]
              : []),
            confirmField(`record a loss of ${formatUsd(b.amountCents)}`),
          ]}
        >
          <BooksEffect d={d} step="forfeit" />
        </ActionForm>
      </Box>
    </>
  );
}
