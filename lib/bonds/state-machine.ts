/** The bond lifecycle (docs/domain.md, "Bond states"): which action may happen in which state. Pure, so it can be model-tested. */
import { AppError } from "@/lib/errors";

export type BondStatus =
  | "requested"
  | "approved"
  | "paid"
  | "posted"
  | "cancelled"
  | "refund_claimed"
  | "refunded"
  | "breached"
  | "appealed"
  | "forfeited";

export type BondAction =
  | "approve"
  | "pay"
  | "post"
  | "cancel"
  | "claimRefund"
  | "refund"
  | "breach"
  | "appeal"
  | "forfeit"
  | "reinstate"
  | "appearance";

const TRANSITIONS: Record<BondAction, Partial<Record<BondStatus, BondStatus>>> = {
  // "approve" stays in `requested` until enough different approvers have signed (see approve-payment.ts).
  approve: { requested: "approved" },
  pay: { approved: "paid" },
  post: { paid: "posted" },
  appearance: { posted: "posted" },
  cancel: { posted: "cancelled" },
  claimRefund: { cancelled: "refund_claimed" },
  refund: { refund_claimed: "refunded", cancelled: "refunded" },
  breach: { posted: "breached" },
  appeal: { breached: "appealed" },
  forfeit: { breached: "forfeited", appealed: "forfeited" },
  reinstate: { breached: "posted", appealed: "posted" },
};

/** How an action reads in a sentence ("Cannot … a bond that is …"). */
const ACTION_WORDS: Record<BondAction, string> = {
  approve: "approve",
  pay: "pay",
  post: "post",
  appearance: "log an appearance on",
  cancel: "cancel",
  claimRefund: "claim the refund of",
  refund: "refund",
  breach: "breach",
  appeal: "appeal",
  forfeit: "forfeit",
  reinstate: "reinstate",
};

export function nextStatus(status: BondStatus, action: BondAction): BondStatus {
  const next = TRANSITIONS[action][status];
  if (!next) {
    const allowed = Object.keys(TRANSITIONS[action]).join(" or ");
    throw new AppError(
      "conflict",
      `Cannot ${ACTION_WORDS[action]} a bond that is ${status.replace("_", " ")} (only when ${allowed.replace(/_/g, " ")}).`,
    );
  }
  return next;
}

/** The money is out at ICE in these states: the bond receivable is open. */
export const OPEN_AT_ICE: BondStatus[] = ["paid", "posted", "cancelled", "refund_claimed", "breached", "appealed"];
