/**
 * After posting: appearances, cancellation (I-391), refund claim, refund with
 * interest (recycled into the general pool), breach (I-323), appeal,
 * forfeiture (a loss) or reinstatement. Dates must follow each other. The two
 * steps that move money have their own files: refund-step.ts and forfeit-step.ts. Staff reach
 * `appearance`, `breach` and `cancel` only by recording the ICE notice
 * (lib/notices/record-notice.ts) and `claimRefund` by recording the claim mailed
 * (lib/recovery/claims.ts), so each comes with its deadline or alert rows.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import { bondAppearances } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { parseOrThrow } from "@/lib/validation";
import { checkAppealDate } from "./appeal-window";
import { appealDaysFor } from "@/lib/notices/deadlines";
import { i323ServedBy, resolveDeadlines } from "@/lib/notices/resolve";
import { applyTransition, lockBond, staffDate, type BondRow } from "./bond-row";
import { forfeitStep } from "./forfeit-step";
import { refundStep } from "./refund-step";
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
  refund: refundStep,
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
  forfeit: forfeitStep,
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
