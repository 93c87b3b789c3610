/**
 * Correcting a date already recorded on a bond is its own action, never a silent edit: a
 * treasurer names the date, the new value and why; the bond's dates must stay in order; the
 * audit log keeps who, from, to and why. A corrected payment date also moves the payment in
 * the books: the original entry is reversed and the same postings are booked on the new day.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bonds } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { postEntry, reverseEntry } from "@/lib/ledger";
import { bondPaymentCorrectionEntry } from "@/lib/ledger/entries";
import { currentBondPayment, entriesWithKeyPrefix } from "@/lib/ledger/queries";
import { parseOrThrow } from "@/lib/validation";
import { lockBond, staffDate, type BondRow } from "./bond-row";
import { lastApprovalDay } from "./payment";
import { staffReason } from "./staff-reason";

/** The dates a correction may change, with their label and the recorded dates they must stay between. */
export const CORRECTABLE = {
  paidOn: { label: "Payment date", after: [], before: ["postedOn"] },
  i391On: { label: "I-391 date", after: ["postedOn"], before: ["refundClaimedOn"] },
  refundClaimedOn: { label: "Refund claim mailing date", after: ["i391On"], before: ["refundedOn"] },
  i323On: { label: "I-323 date", after: ["postedOn"], before: ["appealFiledOn", "forfeitedOn"] },
  appealFiledOn: { label: "Appeal date", after: ["i323On"], before: ["forfeitedOn"] },
} as const satisfies Record<string, { label: string; after: (keyof BondRow)[]; before: (keyof BondRow)[] }>;
export type CorrectableDate = keyof typeof CORRECTABLE;

const LABEL: Partial<Record<keyof BondRow, string>> = {
  postedOn: "posting date",
  i391On: "I-391 date",
  refundClaimedOn: "refund claim date",
  refundedOn: "refund date",
  i323On: "I-323 date",
  appealFiledOn: "appeal date",
  forfeitedOn: "forfeiture date",
};

const input = z.object({
  field: z.enum(Object.keys(CORRECTABLE) as [CorrectableDate, ...CorrectableDate[]], {
    error: "Choose which recorded date to correct.",
  }),
  date: z.string(),
  reason: staffReason("the correction"),
});

export async function correctBondDate(db: Db, actor: Principal | null, bondId: string, raw: unknown) {
  const me = requireRole(actor, "treasurer");
  const f = parseOrThrow(input, raw);
  return db.transaction(async (tx) => {
    const bond = await lockBond(tx, bondId);
    const spec = CORRECTABLE[f.field];
    const from = bond[f.field];
    if (!from) throw new AppError("conflict", `This bond has no ${spec.label.toLowerCase()} recorded yet.`);
    const floor =
      f.field === "paidOn"
        ? await lastApprovalDay(tx, bond.id, bond.createdAt)
        : latest(spec.after.map((k) => ({ value: bond[k] as string | null, name: LABEL[k]! })));
    const date = parseOrThrow(z.object({ date: staffDate(spec.label, floor) }), { date: f.date }).date;
    for (const k of spec.before) {
      const later = bond[k] as string | null;
      if (later && date > later)
        throw new AppError("validation", `${spec.label} cannot be after the ${LABEL[k]} (${later}).`, {
          fieldErrors: { date: `${spec.label} cannot be after the ${LABEL[k]} (${later}).` },
        });
    }
    if (date === from) throw new AppError("validation", `${spec.label} is already ${from}.`);
    await tx
      .update(bonds)
      .set({ [f.field]: date, updatedAt: new Date() })
      .where(eq(bonds.id, bond.id));
    if (f.field === "paidOn") await rebookPayment(tx, bond.id, date);
    await audit(tx, {
      actorUserId: me.userId,
      action: "bond.date_corrected",
      subjectType: "bond",
      subjectId: bond.id,
      details: { field: f.field, from, to: date, reason: f.reason },
    });
    return { field: f.field, from, to: date };
  });
}

function latest(dates: { value: string | null; name: string }[]) {
  return dates.filter((d) => d.value).sort((a, b) => (a.value! < b.value! ? 1 : -1))[0];
}

/** Reverse the bond's current payment entry and book its postings again on the corrected day. */
async function rebookPayment(tx: Db, bondId: string, day: string) {
  const current = await currentBondPayment(tx, bondId);
  if (!current) throw new AppError("conflict", "The payment of this bond is not in the books; nothing to correct.");
  const n = (await entriesWithKeyPrefix(tx, `bond-payment:${bondId}:reversal:`)) + 1;
  await reverseEntry(tx, {
    entryId: current.id,
    idempotencyKey: `bond-payment:${bondId}:reversal:${n}`,
    memo: `Payment date corrected to ${day}`,
  });
  await postEntry(
    tx,
    bondPaymentCorrectionEntry(current, { idempotencyKey: `bond-payment:${bondId}:corrected:${n}`, day }),
  );
}
