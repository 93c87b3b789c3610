/**
 * The allowance for bonds that will not come back: the fund's policy, and
 * applying it through the ledger (lib/ledger/entries/allowance-adjustment.ts).
 * The allowance never exceeds the receivable, so the bonds-outstanding net
 * assets never go below zero when a bond is refunded or forfeited.
 */
import { and, eq, gt, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { allowancePolicy, bondAllowanceJudgements, bonds, ledgerAccounts } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { isoDay } from "@/lib/dates";
import { postEntry } from "@/lib/ledger";
import { allowanceAdjustmentEntry } from "@/lib/ledger/entries";
import { parseOrThrow } from "@/lib/validation";
import { allowanceTarget, type AllowancePolicyRates } from "./aging";

const NO_POLICY: AllowancePolicyRates = { mode: "by_age", bps: { under1: 0, y1to2: 0, y2to5: 0, over5: 0 } };

export async function readPolicy(db: Db): Promise<AllowancePolicyRates & { set: boolean }> {
  const [p] = await db.select().from(allowancePolicy).where(eq(allowancePolicy.id, 1));
  if (!p) return { ...NO_POLICY, set: false };
  return {
    mode: p.mode,
    bps: { under1: p.under1Bps, y1to2: p.y1to2Bps, y2to5: p.y2to5Bps, over5: p.over5Bps },
    set: true,
  };
}

const pct = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a percentage.` })
    .min(0, `${label} cannot be negative.`)
    .max(100, `${label} cannot be more than 100%.`)
    .transform((n) => Math.round(n * 100));

export async function savePolicy(db: Db, actor: Principal | null, input: unknown): Promise<void> {
  const me = requireRole(actor, "treasurer", "admin");
  const p = parseOrThrow(
    z.object({
      mode: z.enum(["by_age", "per_bond"], { error: "Choose by age or a judgement per bond." }),
      under1: pct("Under 1 year"),
      y1to2: pct("1–2 years"),
      y2to5: pct("2–5 years"),
      over5: pct("Over 5 years"),
    }),
    input,
  );
  const values = {
    mode: p.mode,
    under1Bps: p.under1,
    y1to2Bps: p.y1to2,
    y2to5Bps: p.y2to5,
    over5Bps: p.over5,
    updatedBy: me.userId,
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(allowancePolicy)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: allowancePolicy.id, set: values });
    await audit(tx, {
      actorUserId: me.userId,
      action: "allowance.policy_set",
      subjectType: "fund",
      subjectId: "allowance",
      details: { mode: p.mode },
    });
  });
}

export async function saveJudgement(db: Db, actor: Principal | null, bondId: string, input: unknown): Promise<void> {
  const me = requireRole(actor, "treasurer");
  const p = parseOrThrow(z.object({ percent: pct("The share not expected back") }), input);
  await db.transaction(async (tx) => {
    const values = { bondId, bps: p.percent, updatedBy: me.userId, updatedAt: new Date() };
    await tx
      .insert(bondAllowanceJudgements)
      .values(values)
      .onConflictDoUpdate({ target: bondAllowanceJudgements.bondId, set: values });
    await audit(tx, {
      actorUserId: me.userId,
      action: "allowance.judgement_set",
      subjectType: "bond",
      subjectId: bondId,
    });
  });
}

/** The allowance account's balance and version, locked for this transaction (one adjustment at a time). */
export async function allowanceAccount(tx: Db): Promise<{ balance: number; version: number }> {
  const [a] = await tx
    .select({ balance: ledgerAccounts.balance, version: ledgerAccounts.version })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.code, "bond_allowance"))
    .for("update");
  return { balance: a?.balance ?? 0, version: a?.version ?? 0 };
}

/** Open bonds with their receivable as the ledger holds it. */
export async function receivables(
  db: Db,
): Promise<{ bondId: string; since: string; principalCents: number; postedOn: string | null; claimed: boolean }[]> {
  const rows = await db
    .select({
      bondId: bonds.id,
      postedOn: bonds.postedOn,
      paidOn: bonds.paidOn,
      status: bonds.status,
      balance: ledgerAccounts.balance,
    })
    .from(ledgerAccounts)
    .innerJoin(bonds, eq(bonds.id, ledgerAccounts.bondId))
    .where(and(isNotNull(ledgerAccounts.bondId), gt(ledgerAccounts.balance, 0)));
  return rows.map((r) => ({
    bondId: r.bondId,
    since: r.postedOn ?? r.paidOn!,
    principalCents: r.balance,
    postedOn: r.postedOn,
    claimed: r.status === "refund_claimed",
  }));
}

/** Move the allowance to what the policy asks for today. Returns the new allowance and the change. */
export async function applyAllowancePolicy(
  db: Db,
  actor: Principal | null,
): Promise<{ allowanceCents: number; changeCents: number }> {
  const me = requireRole(actor, "treasurer");
  return db.transaction(async (tx) => {
    const policy = await readPolicy(tx);
    const judgements = new Map((await tx.select().from(bondAllowanceJudgements)).map((j) => [j.bondId, j.bps]));
    const today = isoDay(now());
    const open = await receivables(tx);
    const gross = open.reduce((s, b) => s + b.principalCents, 0);
    const target = Math.min(gross, allowanceTarget(open, policy, judgements, today));
    const { balance: current, version } = await allowanceAccount(tx);
    const entry = allowanceAdjustmentEntry({ targetCents: target, currentCents: current, asOf: today, version });
    if (entry) await postEntry(tx, entry);
    await audit(tx, {
      actorUserId: me.userId,
      action: "allowance.applied",
      subjectType: "fund",
      subjectId: "allowance",
      details: { targetCents: target },
    });
    return { allowanceCents: target, changeCents: target - current };
  });
}

/**
 * Before a bond's receivable leaves the books (refund or shortfall), release any
 * allowance beyond what the other bonds could still carry, so net assets stay ≥ 0.
 */
export async function capAllowanceBefore(tx: Db, leavingCents: number, asOf: string): Promise<void> {
  const { balance: current, version } = await allowanceAccount(tx);
  if (current === 0) return;
  const gross = (await receivables(tx)).reduce((s, b) => s + b.principalCents, 0);
  const cap = Math.max(0, gross - leavingCents);
  if (current <= cap) return;
  const entry = allowanceAdjustmentEntry({
    targetCents: cap,
    currentCents: current,
    asOf,
    version,
    memo: "Allowance released with a bond refunded",
  });
  if (entry) await postEntry(tx, entry);
}
