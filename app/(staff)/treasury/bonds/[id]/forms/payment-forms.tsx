/** The forms before the bond is posted: approvals, the payment to ICE, the I-305 posting. */
import { formatUsd } from "@/lib/money";
import type { BondDetail } from "@/lib/bonds/read-models";
import { ActionForm } from "@/app/components/staff/action-form";
import { BooksEffect, confirmField } from "../books-effect";
import { Box } from "./box";
import { type BondAct, dateField } from "./act";

export function ApproveForms({ d, act }: { d: BondDetail; act: BondAct }) {
  const b = d.bond;
  const fromCampaign = b.amountCents - b.topUpCents;
  const more = d.required - d.approvals.length;
  return (
    <Box title="Approve the payment">
      <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="approve-effect">
        <li>
          Once the payment is recorded, this moves <strong>{formatUsd(fromCampaign)}</strong> from campaign{" "}
          {d.campaign.alias}* (holds {formatUsd(d.campaignBalanceCents)}) and <strong>{formatUsd(b.topUpCents)}</strong>{" "}
          from the general pool (holds {formatUsd(d.generalBalanceCents)}) to ICE, as a receivable.
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

export function PayForm({ d, act }: { d: BondDetail; act: BondAct }) {
  const b = d.bond;
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
          dateField(d, "paidOn", "Payment date"),
          confirmField(`${formatUsd(b.amountCents)} left the bank for ICE`),
        ]}
      >
        <BooksEffect d={d} step="pay" />
      </ActionForm>
    </Box>
  );
}

export function PostForm({ d, act }: { d: BondDetail; act: BondAct }) {
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
          dateField(d, "postedOn", "Posting date (I-305)"),
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
}
