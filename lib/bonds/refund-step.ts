/**
 * ICE refunds a cancelled bond: the principal back to the general pool (recycled), any interest
 * as income, less than the principal as a loss; the expected interest is recorded beside what came.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { campaigns, interestRates } from "@/db/schema";
import { postEntry } from "@/lib/ledger";
import { bondRefundEntry, forfeitureEntry, interestEntry } from "@/lib/ledger/entries";
import { parseOrThrow } from "@/lib/validation";
import { capAllowanceBefore } from "@/lib/recovery/allowance";
import { applyTransition, staffDate, type BondRow } from "./bond-row";
import { bondInterest } from "./interest";

export async function refundStep(
  tx: Db,
  bond: BondRow,
  input: unknown,
): Promise<Record<string, number | string | null>> {
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
  await tx.update(campaigns).set({ status: "closed", updatedAt: new Date() }).where(eq(campaigns.id, bond.campaignId));
  const receivedInterest = p.receivedCents - bond.amountCents;
  return {
    expectedInterestCents: expected,
    receivedInterestCents: receivedInterest,
    differenceCents: receivedInterest - expected,
  };
}
