import { formatUsd } from "@/lib/money";
import type { BondDetail } from "@/lib/bonds/read-models";

type Item = { on: string; title: string; detail?: string; tone?: "bad" | "good" };

export function BondTimeline({ d }: { d: BondDetail }) {
  const b = d.bond;
  const items: Item[] = [
    {
      on: b.createdAt.toISOString().slice(0, 10),
      title: `Payment requested: ${formatUsd(b.amountCents)}`,
      detail: `by ${d.requesterEmail ?? "unknown"}${b.topUpCents ? `; ${formatUsd(b.topUpCents)} top-up from the general pool` : ""}`,
    },
  ];
  for (const a of d.approvals)
    items.push({ on: a.at.toISOString().slice(0, 10), title: "Approved", detail: `by ${a.email ?? "a treasurer"}` });
  if (b.paidOn)
    items.push({
      on: b.paidOn,
      title: `Paid by ${b.paymentMethod === "fedwire" ? "Fedwire" : "ACH"}`,
      detail: `trace ${b.traceNumber}`,
    });
  if (b.postedOn)
    items.push({
      on: b.postedOn,
      title: "Posted (I-305)",
      detail: `receipt ${b.i305Number}; obligor: ${b.obligorKind === "fund" ? "the fund" : "a representative"}`,
    });
  for (const a of d.appearances)
    items.push({ on: a.demandedFor, title: "Appearance demanded (I-340)", detail: a.note || undefined });
  if (b.i391On) items.push({ on: b.i391On, title: "Bond cancelled (I-391)" });
  if (b.refundClaimedOn)
    items.push({ on: b.refundClaimedOn, title: "Refund claim mailed", detail: b.refundClaimContents ?? undefined });
  if (b.refundedOn && b.refundReceivedCents !== null) {
    const got = b.refundReceivedCents - b.amountCents;
    const exp = b.interestExpectedCents ?? 0;
    items.push({
      on: b.refundedOn,
      title: `Refunded: ${formatUsd(b.refundReceivedCents)}`,
      detail: `interest expected ${formatUsd(exp)}, received ${formatUsd(got)}, difference ${formatUsd(got - exp)}`,
      tone: got - exp < 0 ? "bad" : "good",
    });
  }
  if (b.i323On) items.push({ on: b.i323On, title: "Breached (I-323)", tone: "bad" });
  if (b.appealFiledOn) items.push({ on: b.appealFiledOn, title: "Appeal filed" });
  if (b.forfeitedOn)
    items.push({ on: b.forfeitedOn, title: `Forfeited: loss of ${formatUsd(b.amountCents)}`, tone: "bad" });
  items.sort((x, y) => x.on.localeCompare(y.on));
  return (
    <ol className="space-y-2 border-l-2 border-line pl-4 text-sm" data-testid="timeline">
      {items.map((i, n) => (
        <li key={n}>
          <span className="tabular-nums text-muted">{i.on}</span> ·{" "}
          <strong className={i.tone === "bad" ? "text-accent" : i.tone === "good" ? "text-brand" : ""}>
            {i.title}
          </strong>
          {i.detail ? <span className="block text-xs text-muted">{i.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
}
