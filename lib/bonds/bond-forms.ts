/**
 * One entry point for every form on the bond page: turns what a treasurer typed
 * (strings, dollars) into the inputs lib/bonds expects and returns a sentence
 * saying what happened to the books. A breach (I-323), a cancellation (I-391) and an appearance
 * demand (I-340) are not here: they are recorded as ICE notices (lib/notices/record-notice.ts), which
 * move the bond and start the notice's deadline in one transaction; the refund claim is recorded as
 * mailed on the refund-recovery page (lib/recovery/claims.ts), which keeps its tracking number and
 * starts the 90/180/365-day alerts.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { advanceBond, type LifecycleStep } from "@/lib/bonds/lifecycle";
import { approveBondPayment, recordBondPayment } from "@/lib/bonds/payment";
import { correctBondDate } from "@/lib/bonds/date-correction";
import { recordBondPosting } from "@/lib/bonds/i305-posting";
import { AppError } from "@/lib/errors";
import { formatUsd, parseUsd } from "@/lib/money";

export const BOND_FORMS = [
  "approve",
  "pay",
  "post",
  "refund",
  "appeal",
  "forfeit",
  "reinstate",
  "correctDate",
] as const;
export type BondForm = (typeof BOND_FORMS)[number];

type Fields = Record<string, string | undefined>;

/** The bond steps that need the confirmation box: they move money or record a loss. */
const CONFIRMED = ["approve", "pay", "forfeit"] as const;

const signed = (cents: number) => (cents < 0 ? `-${formatUsd(-cents)}` : `+${formatUsd(cents)}`);

export async function performBondAction(
  db: Db,
  actor: Principal | null,
  bondId: string,
  form: string,
  f: Fields,
): Promise<string> {
  const kind = z.enum(BOND_FORMS).safeParse(form);
  if (!kind.success) throw new AppError("validation", "Unknown bond action.");
  // Steps that move money or give it up are confirmed by the treasurer after reading what they book.
  if ((CONFIRMED as readonly string[]).includes(kind.data) && f.confirm !== "on")
    throw new AppError("validation", "Nothing was recorded: tick the box to confirm what this changes in the books.", {
      fieldErrors: { confirm: "Tick to confirm you have read what this changes in the books." },
    });
  switch (kind.data) {
    case "approve": {
      const r = await approveBondPayment(db, actor, bondId);
      return r.approved
        ? `Approved (${r.approvals} of ${r.required}). The payment can now be recorded.`
        : `Your approval is recorded (${r.approvals} of ${r.required}). ${r.required - r.approvals} more needed from another treasurer.`;
    }
    case "pay":
      await recordBondPayment(db, actor, bondId, { method: f.method, traceNumber: f.traceNumber, paidOn: f.paidOn });
      return "Payment recorded: the money left the campaign (and any top-up the general pool) for the bond receivable.";
    case "post": {
      const obligor =
        f.obligor === "fund" || !f.obligor ? { kind: "fund" } : { kind: "representative", userId: f.obligor };
      const r = await recordBondPosting(db, actor, bondId, { i305Number: f.i305Number, postedOn: f.postedOn, obligor });
      return r.replayed
        ? "This I-305 was already recorded; nothing changed."
        : "Posting recorded: interest runs from the I-305 date; any overfunding moved to the general pool.";
    }
    case "correctDate": {
      const r = await correctBondDate(db, actor, bondId, { field: f.field, date: f.date, reason: f.reason });
      return `Date corrected from ${r.from} to ${r.to}; the correction and its reason are in the audit log.${r.field === "paidOn" ? " The payment was re-booked on the corrected day (the original entry reversed)." : ""}`;
    }
    case "refund": {
      const receivedCents = parseUsd(f.received ?? "", { field: "amount received", allowZero: false });
      const r = await advanceBond(db, actor, bondId, "refund", { refundedOn: f.refundedOn, receivedCents });
      const exp = Number(r.expectedInterestCents),
        got = Number(r.receivedInterestCents),
        diff = Number(r.differenceCents);
      return `Refund recorded: ${formatUsd(receivedCents)} to the general pool. Interest expected ${formatUsd(exp)}, received ${signed(got)}; difference ${signed(diff)}.`;
    }
    default: {
      const step: FormStep = kind.data;
      const inputs: Record<FormStep, unknown> = {
        appeal: { filedOn: f.filedOn },
        forfeit: { forfeitedOn: f.forfeitedOn, noAppeal: f.noAppeal === "on", noAppealReason: f.noAppealReason ?? "" },
        reinstate: {},
      };
      await advanceBond(db, actor, bondId, step, inputs[step]);
      return DONE[step];
    }
  }
}

/** The lifecycle steps a bond-page form takes directly (the others come with an ICE notice). */
type FormStep = Exclude<Extract<LifecycleStep, BondForm>, "refund">;

const DONE: Record<FormStep, string> = {
  appeal: "Appeal recorded.",
  forfeit: "Forfeiture recorded as a loss.",
  reinstate: "Bond reinstated: it is posted again.",
};
