/**
 * After posting: appearances, cancellation (I-391), refund claim, refund with
 * interest (recycled into the general pool), breach (I-323), appeal,
 * forfeiture (a loss) or reinstatement. Dates must follow each other. Staff reach
 * `appearance`, `breach` and `cancel` only by recording the ICE notice
 * (lib/notices/record-notice.ts) and `claimRefund` by recording the claim mailed
 * (lib/recovery/claims.ts), so each comes with its deadline or alert rows.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bondAppearances, campaigns, interestRates } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { postEntry } from "@/lib/ledger";
import { bondRefundEntry, forfeitureEntry, interestEntry } from "@/lib/ledger/entries";
import { env } from "@/lib/env";
import { parseOrThrow } from "@/lib/validation";
import { AppError } from "@/lib/errors";
import { appealWindow, checkAppealDate } from "./appeal-window";
import { capAllowanceBefore } from "@/lib/recovery/allowance";
import { postForfeiture } from "@/lib/recovery/allowance-entries";
import { appealDaysFor } from "@/lib/notices/deadlines";
import { i323ServedBy, resolveDeadlines } from "@/lib/notices/resolve";
import { applyTransition, lockBond, staffDate, type BondRow } from "./bond-row";
import { bondInterest } from "./interest";
import { staffReason } from "./staff-reason";
import { nextStatus, type BondAction } from "./state-machine";

type Step = (tx: Db, bond: BondRow, input: unknown, me: Principal) => Promise<Record<string, number | string | null>>;

const steps: Record<LifecycleStep, Step> = {
  async appearance(tx, bond, input, me) {
    const p = parseOrThrow(
      z.object({
        demandedFor: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Appearance date must be a date (YYYY-MM-DD)."),
        note: z.string().trim().max(500).default(""),
      }),
      input,
    );
    await applyTransition(tx, bond, "appearance");
    await tx
      .insert(bondAppearances)
      .values({ bondId: bond.id, demandedFor: p.demandedFor, note: p.note, createdBy: me.userId });
    return {};
  },
  async cancel(tx, bond, input) {
    const p = parseOrThrow(
      z.object({ i391On: staffDate("I-391 date", { value: bond.postedOn, name: "posting date" }) }),
      input,
    );
    await applyTransition(tx, bond, "cancel", { i391On: p.i391On });
    return {};
  },
  async claimRefund(tx, bond, input) {
    const p = parseOrThrow(
      z.object({
        mailedOn: staffDate("Mailing date", { value: bond.i391On, name: "I-391 date" }),
        contents: z.string().trim().min(3, "Say what was sent (for example: original I-305 and I-391).").max(500),
      }),
      input,
    );
    await applyTransition(tx, bond, "claimRefund", { refundClaimedOn: p.mailedOn, refundClaimContents: p.contents });
    await resolveDeadlines(tx, bond.id, ["refund_claim"]);
    return {};
  },
  async refund(tx, bond, input) {
    const p = parseOrThrow(
      z.object({
        refundedOn: staffDate("Refund date", {
          value: bond.refundClaimedOn ?? bond.i391On,
          name: bond.refundClaimedOn ? "claim date" : "I-391 date",
        }),
        receivedCents: z
          .number()
          .int()
          .positive("The amount received must be more than zero.")
          .max(bond.amountCents * 2, "The amount received is more than twice the bond: check it."),
      }),
      input,
    );
    const rates = (await tx.select().from(interestRates)).map((r) => ({
      quarterStart: r.quarterStart,
      rateBps: r.rateBps,
    }));
    const expected = bondInterest(bond.amountCents, bond.postedOn!, p.refundedOn, rates).cents;
    await applyTransition(tx, bond, "refund", {
      refundedOn: p.refundedOn,
      refundReceivedCents: p.receivedCents,
      interestExpectedCents: expected,
    });
    const principal = Math.min(p.receivedCents, bond.amountCents);
    // The allowance cannot outlive the receivable it reduces (lib/recovery/allowance.ts).
    await capAllowanceBefore(tx, bond.amountCents, p.refundedOn);
    const at = new Date(`${p.refundedOn}T12:00:00Z`);
    const meta = { campaignId: bond.campaignId, refs: { bond: bond.id }, effectiveAt: at };
    await postEntry(tx, bondRefundEntry({ ...meta, idempotencyKey: `bond-refund:${bond.id}` }, bond.id, principal));
    if (p.receivedCents > bond.amountCents) {
      const interest = p.receivedCents - bond.amountCents;
      await postEntry(tx, interestEntry({ ...meta, idempotencyKey: `bond-interest:${bond.id}` }, interest));
    } else if (p.receivedCents < bond.amountCents) {
      const short = bond.amountCents - p.receivedCents;
      const shortfall = {
        ...meta,
        idempotencyKey: `bond-shortfall:${bond.id}`,
        memo: "ICE refunded less than the principal",
      };
      await postEntry(tx, forfeitureEntry(shortfall, bond.id, short));
    }
    await tx
      .update(campaigns)
      .set({ status: "closed", updatedAt: new Date() })
      .where(eq(campaigns.id, bond.campaignId));
    const receivedInterest = p.receivedCents - bond.amountCents;
    return {
      expectedInterestCents: expected,
      receivedInterestCents: receivedInterest,
      differenceCents: receivedInterest - expected,
    };
  },
  async breach(tx, bond, input) {
    const p = parseOrThrow(
      z.object({ i323On: staffDate("I-323 date", { value: bond.postedOn, name: "posting date" }) }),
      input,
    );
    await applyTransition(tx, bond, "breach", { i323On: p.i323On });
    return {};
  },
  async appeal(tx, bond, input) {
    const p = parseOrThrow(
      z.object({ filedOn: staffDate("Appeal date", { value: bond.i323On, name: "I-323 date" }) }),
      input,
    );
    // 30 days from service, 33 when the I-323 was mailed (lib/notices/deadlines.ts).
    checkAppealDate(bond.i323On!, p.filedOn, appealDaysFor(await i323ServedBy(tx, bond.id), env().BOND_APPEAL_DAYS));
    await applyTransition(tx, bond, "appeal", { appealFiledOn: p.filedOn });
    await resolveDeadlines(tx, bond.id, ["appeal_i290b"]);
    return {};
  },
  async forfeit(tx, bond, input, me) {
    const p = parseOrThrow(
      z.object({
        forfeitedOn: staffDate("Forfeiture date", { value: bond.i323On, name: "I-323 date" }),
        noAppeal: z.boolean().default(false),
        noAppealReason: z.string().default(""),
      }),
      input,
    );
    // Inside the appeal window (30 days, 33 when the I-323 was mailed) a forfeiture gives up the appeal: it
    // must be said, with a reason, for the audit log.
    const days = appealDaysFor(await i323ServedBy(tx, bond.id), env().BOND_APPEAL_DAYS);
    const w = bond.status === "breached" && bond.i323On ? appealWindow(bond.i323On, new Date(), days) : null;
    if (w?.open) {
      if (!p.noAppeal)
        throw new AppError(
          "validation",
          `The appeal window is open until ${w.deadline} (${w.daysLeft} day(s) left). To forfeit now, confirm that no appeal will be filed and say why.`,
          { fieldErrors: { noAppeal: "Confirm that no appeal will be filed, or record the appeal instead." } },
        );
      const reason = parseOrThrow(z.object({ noAppealReason: staffReason("giving up the appeal") }), p).noAppealReason;
      await audit(tx, {
        actorUserId: me.userId,
        action: "bond.forfeit_without_appeal",
        subjectType: "bond",
        subjectId: bond.id,
        details: { reason, appealDeadline: w.deadline, daysLeft: w.daysLeft },
      });
    }
    await applyTransition(tx, bond, "forfeit", { forfeitedOn: p.forfeitedOn });
    await resolveDeadlines(tx, bond.id, ["appeal_i290b", "deliver_person"]);
    // Written off against the allowance as far as it reaches; the rest is a loss now (lib/ledger/entries/write-off.ts).
    await postForfeiture(tx, bond, new Date(`${p.forfeitedOn}T12:00:00Z`));
    await tx
      .update(campaigns)
      .set({ status: "closed", updatedAt: new Date() })
      .where(eq(campaigns.id, bond.campaignId));
    return {};
  },
  async reinstate(tx, bond) {
    await applyTransition(tx, bond, "reinstate");
    await resolveDeadlines(tx, bond.id, ["appeal_i290b"]);
    return {};
  },
};

/** The steps after posting; a step's name is its state-machine action. */
export type LifecycleStep = Exclude<BondAction, "approve" | "pay" | "post">;

export async function advanceBond(
  db: Db,
  actor: Principal | null,
  bondId: string,
  step: LifecycleStep,
  input: unknown = {},
): Promise<Record<string, number | string | null>> {
  const me = requireRole(actor, "treasurer");
  const run = steps[step];
  if (!run) throw new Error(`unknown bond step ${step}`);
  return db.transaction(async (tx) => runBondStep(tx, await lockBond(tx, bondId), step, input, me));
}

/** One step on a bond already locked in the caller's transaction (recording an ICE notice moves the bond too). */
export async function runBondStep(
  tx: Db,
  bond: BondRow,
  step: LifecycleStep,
  input: unknown,
  me: Principal,
): Promise<Record<string, number | string | null>> {
  nextStatus(bond.status, step); // a wrong state is the clearest message, before any field check
  const out = await steps[step]!(tx, bond, input, me);
  await audit(tx, { actorUserId: me.userId, action: `bond.${step}`, subjectType: "bond", subjectId: bond.id });
  return out;
}
