import { appealWindow } from "@/lib/bonds/appeal-window";
import { env } from "@/lib/env";
import { formatUsd } from "@/lib/money";
import type { BondForm } from "@/lib/bonds/bond-forms";
import type { BondDetail } from "@/lib/bonds/read-models";
import { ActionForm } from "@/app/components/staff/action-form";
import { bondAction } from "./actions";
import { BooksEffect, confirmField } from "./books-effect";
import { RefundForm } from "./refund-form";

/** The forms the bond's current state allows, each saying what it will do to the books before it is confirmed. */
export function BondForms({ d }: { d: BondDetail }) {
  const b = d.bond;
  const act = (form: BondForm) => bondAction.bind(null, b.id, form);
  const date = (name: string, label: string) => ({ name, label, type: "date" as const, defaultValue: d.today });
  if (!d.me.isTreasurer)
    return (
      <p className="text-sm text-muted">
        Only treasurers can act on bonds. You can see this page as a fund administrator.
      </p>
    );
  switch (b.status) {
    case "requested": {
      const fromCampaign = b.amountCents - b.topUpCents;
      const more = d.required - d.approvals.length;
      return (
        <Box title="Approve the payment">
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="approve-effect">
            <li>
              Once the payment is recorded, this moves <strong>{formatUsd(fromCampaign)}</strong> from campaign{" "}
              {d.campaign.alias}* (holds {formatUsd(d.campaignBalanceCents)}) and{" "}
              <strong>{formatUsd(b.topUpCents)}</strong> from the general pool (holds {formatUsd(d.generalBalanceCents)}
              ) to ICE, as a receivable.
            </li>
            <li>
              {d.approvals.length} of {d.required} approvals so far; <strong>{more}</strong> more needed
              {more > 1 ? " from different treasurers" : ""}. You cannot approve your own request.
            </li>
          </ul>
          {d.me.isRequester ? (
            <p className="text-sm text-accent">You requested this payment, so another treasurer must approve it.</p>
          ) : d.me.hasApproved ? (
            <p className="text-sm text-muted">You have approved. A different treasurer must give the next approval.</p>
          ) : (
            <ActionForm
              action={act("approve")}
              submitLabel={`Approve ${formatUsd(b.amountCents)}`}
              danger
              testId="form-approve"
              fields={[confirmField(`approve paying ${formatUsd(b.amountCents)} to ICE`)]}
            >
              <BooksEffect d={d} step="approve" />
            </ActionForm>
          )}
        </Box>
      );
    }
    case "approved":
      return (
        <Box title="Record the payment to ICE">
          <p className="text-sm">
            Record it after ICE&apos;s system confirms the ACH or Fedwire payment. The books then move{" "}
            {formatUsd(b.amountCents)} from the bank to the bond receivable.
          </p>
          <ActionForm
            action={act("pay")}
            submitLabel="Record payment"
            testId="form-pay"
            fields={[
              {
                name: "method",
                label: "Method",
                type: "select",
                options: [
                  { value: "ach", label: "ACH" },
                  { value: "fedwire", label: "Fedwire" },
                ],
              },
              { name: "traceNumber", label: "Trace number", hint: "6–40 letters, digits or dashes" },
              date("paidOn", "Payment date"),
              confirmField(`${formatUsd(b.amountCents)} left the bank for ICE`),
            ]}
          >
            <BooksEffect d={d} step="pay" />
          </ActionForm>
        </Box>
      );
    case "paid":
      return (
        <Box title="Record the posting (Form I-305)">
          <p className="text-sm">
            Interest runs from the I-305 date. Money left in the campaign fund after posting (overfunding) moves to the
            general pool.
          </p>
          <ActionForm
            action={act("post")}
            submitLabel="Record posting"
            testId="form-post"
            fields={[
              { name: "i305Number", label: "I-305 receipt number" },
              date("postedOn", "Posting date (I-305)"),
              {
                name: "obligor",
                label: "Obligor",
                type: "select",
                hint: "The campaign's lawyer cannot be the obligor.",
                options: [
                  { value: "fund", label: "The fund" },
                  ...d.representatives.map((r) => ({ value: r.id, label: `Representative: ${r.email}` })),
                ],
              },
            ]}
          />
        </Box>
      );
    case "posted":
      return (
        <>
          <Box title="Bond cancelled: record the I-391">
            <ActionForm
              action={act("cancel")}
              submitLabel="Record I-391"
              testId="form-cancel"
              fields={[date("i391On", "I-391 date")]}
            />
          </Box>
          <Box title="Log an appearance demand (I-340)">
            <ActionForm
              action={act("appearance")}
              submitLabel="Log appearance"
              testId="form-appearance"
              fields={[
                { name: "demandedFor", label: "Appearance date", type: "date" },
                { name: "note", label: "Note (no names or case details)", type: "textarea" },
              ]}
            />
          </Box>
          <Box title="Breach notice (I-323)" danger>
            <p className="text-sm">
              The bond becomes breached: the {formatUsd(b.amountCents)} is at risk until it is appealed, reinstated or
              forfeited. Nothing moves in the books yet.
            </p>
            <ActionForm
              action={act("breach")}
              submitLabel="Record breach"
              danger
              testId="form-breach"
              fields={[date("i323On", "I-323 date")]}
            />
          </Box>
        </>
      );
    case "cancelled":
    case "refund_claimed":
      return (
        <>
          {b.status === "cancelled" ? (
            <Box title="Refund claim mailed to ICE">
              <ActionForm
                action={act("claimRefund")}
                submitLabel="Record claim"
                testId="form-claim"
                fields={[
                  date("mailedOn", "Mailing date"),
                  { name: "contents", label: "What was sent", defaultValue: "Original I-305 and I-391" },
                ]}
              />
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
    case "breached":
    case "appealed":
      return (
        <>
          {b.status === "breached" ? (
            <Box title="Appeal filed">
              <AppealDeadline i323On={b.i323On!} today={d.today} />
              <ActionForm
                action={act("appeal")}
                submitLabel="Record appeal"
                testId="form-appeal"
                fields={[date("filedOn", "Appeal date")]}
              />
            </Box>
          ) : null}
          <Box title="Reinstated by ICE">
            <p className="text-sm">The bond is posted again; nothing moves in the books.</p>
            <ActionForm action={act("reinstate")} submitLabel="Reinstate" testId="form-reinstate" />
          </Box>
          <Box title="Forfeiture" danger>
            <p className="text-sm font-medium" data-testid="forfeit-effect">
              This records a loss of {formatUsd(b.amountCents)}: the bond receivable and bonds outstanding both fall by
              that amount. It cannot be undone except by a reversing entry.
            </p>
            <ActionForm
              action={act("forfeit")}
              submitLabel={`Record forfeiture (${formatUsd(b.amountCents)} loss)`}
              danger
              testId="form-forfeit"
              fields={[
                date("forfeitedOn", "Forfeiture date"),
                ...(b.status === "breached" && appealOpen(b.i323On!, d.today)
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
    default:
      return <p className="text-sm text-muted">This bond is {b.status}. Nothing more to record.</p>;
  }
}

function Box({ title, children, danger }: { title: string; children: React.ReactNode; danger?: boolean }) {
  return (
    <section className={`space-y-3 rounded-lg border bg-white p-4 ${danger ? "border-accent/50" : "border-line"}`}>
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function appealOpen(i323On: string, today: string): boolean {
  return appealWindow(i323On, new Date(`${today}T12:00:00Z`), env().BOND_APPEAL_DAYS).open;
}

function AppealDeadline({ i323On, today }: { i323On: string; today: string }) {
  const days = env().BOND_APPEAL_DAYS;
  const w = appealWindow(i323On, new Date(`${today}T12:00:00Z`), days);
  return (
    <p className={`text-sm ${w.open ? "" : "font-medium text-accent"}`} data-testid="appeal-deadline">
      An appeal must be dated within {days} days of the I-323 ({i323On}): by <strong>{w.deadline}</strong>.{" "}
      {w.open
        ? `${w.daysLeft} day(s) left.`
        : `The window closed ${-w.daysLeft} day(s) ago; a late appeal cannot be recorded.`}
    </p>
  );
}
