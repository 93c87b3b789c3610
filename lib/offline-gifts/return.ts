/**
 * A deposited check the bank returned (it bounced): the treasurer matches the bank's withdrawal
 * line to the gift. The line must be unmatched, take back exactly the gift's amount and be dated on
 * or after the deposit. In one transaction the bank's side goes back to undeposited funds and the
 * gift leaves its campaign (what the campaign no longer holds comes from the general pool), the gift
 * is marked reversed with that line, and the line is matched; a refusal writes nothing. The gift
 * then leaves the campaign's figure, its donors, the wall and the donor's statements, as a reversed
 * gift does.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bankStatementLines, offlineDeposits, offlineGifts } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { campaignAccount, getBalance, postEntry } from "@/lib/ledger";
import { depositReturnedEntry, offlineGiftReturnedEntry } from "@/lib/ledger/entries";
import { formatUsd } from "@/lib/money";
import { parseOrThrow } from "@/lib/validation";
import { effectiveAtFor } from "./record";

const returnSchema = z.object({
  giftId: z.uuid("Choose a gift from the list."),
  lineId: z.uuid("Choose the bank line that took the check back."),
  reason: z
    .string("Say what the bank said (for example: insufficient funds).")
    .trim()
    .min(3, "Say what the bank said (at least 3 characters, for example: insufficient funds).")
    .max(300, "The reason is longer than 300 characters."),
});

export async function returnOfflineGift(
  db: Db,
  actor: Principal | null,
  input: unknown,
): Promise<{ giftId: string; fromCampaignCents: number; fromGeneralCents: number }> {
  const me = requireRole(actor, "treasurer");
  const { giftId, lineId, reason } = parseOrThrow(returnSchema, input);
  return db.transaction(async (tx) => {
    const [g] = await tx.select().from(offlineGifts).where(eq(offlineGifts.id, giftId)).for("update");
    if (!g) throw new AppError("not_found", "That offline gift does not exist.");
    const what = `The ${formatUsd(g.amountCents)} gift received ${g.receivedOn}`;
    if (g.reversedAt)
      throw new AppError(
        "conflict",
        `${what} was already ${g.returnBankLineId ? "returned" : "reversed"}; nothing was written.`,
      );
    if (!g.depositId)
      throw new AppError(
        "conflict",
        `${what} is not deposited yet, so the bank cannot have returned it: if it was recorded by mistake, reverse it instead. Nothing was written.`,
      );
    const [line] = await tx.select().from(bankStatementLines).where(eq(bankStatementLines.id, lineId)).for("update");
    if (!line) throw new AppError("not_found", "That bank line does not exist.");
    if (line.matchedKind)
      throw new AppError("conflict", `The bank line of ${line.postedOn} is already matched; nothing was written.`);
    if (line.amountCents !== -g.amountCents)
      throw new AppError(
        "validation",
        `The bank line of ${line.postedOn} is ${formatUsd(line.amountCents)}; a returned ${formatUsd(g.amountCents)} check is a withdrawal of exactly ${formatUsd(-g.amountCents)}. Nothing was written.`,
      );
    const [dep] = await tx
      .select({ on: bankStatementLines.postedOn })
      .from(offlineDeposits)
      .innerJoin(bankStatementLines, eq(bankStatementLines.id, offlineDeposits.bankLineId))
      .where(eq(offlineDeposits.id, g.depositId));
    if (dep && line.postedOn < dep.on)
      throw new AppError(
        "validation",
        `The bank line of ${line.postedOn} is before the deposit of ${dep.on}; it cannot return that check. Nothing was written.`,
      );

    const held = g.campaignId ? await getBalance(tx, campaignAccount(g.campaignId)) : 0;
    const fromCampaign = g.campaignId ? Math.min(Math.max(held, 0), g.amountCents) : 0;
    const fromGeneral = g.amountCents - fromCampaign;
    const effectiveAt = effectiveAtFor(line.postedOn, now());
    const refs = { bank_line: line.id, offline_gift: g.id };
    const back = await postEntry(
      tx,
      depositReturnedEntry(
        {
          idempotencyKey: `offline-gift:${g.id}:returned-by-bank`,
          memo: "Check returned by the bank",
          refs,
          effectiveAt,
        },
        g.amountCents,
      ),
    );
    const undone = await postEntry(
      tx,
      offlineGiftReturnedEntry(
        {
          idempotencyKey: `offline-gift:${g.id}:returned`,
          memo: "Offline gift undone: the bank returned the check",
          campaignId: g.campaignId ?? undefined,
          refs,
          effectiveAt,
        },
        [
          ...(fromCampaign ? [{ account: campaignAccount(g.campaignId!), amount: fromCampaign }] : []),
          ...(fromGeneral ? [{ account: "general" as const, amount: fromGeneral }] : []),
        ],
      ),
    );
    await tx
      .update(offlineGifts)
      .set({
        reversedAt: now(),
        reversedBy: me.userId,
        reversalEntryId: undone.entryId,
        reversalReason: `Returned by the bank: ${reason}`,
        returnBankLineId: line.id,
        returnEntryId: back.entryId,
      })
      .where(eq(offlineGifts.id, g.id));
    await tx
      .update(bankStatementLines)
      .set({ matchedKind: "offline_return", matchedRef: g.id })
      .where(eq(bankStatementLines.id, line.id));
    await audit(tx, {
      actorUserId: me.userId,
      action: "offline_gift.returned",
      subjectType: "offline_gift",
      subjectId: g.id,
      details: {
        amountCents: g.amountCents,
        bankLine: line.id,
        fromCampaignCents: fromCampaign,
        fromGeneralCents: fromGeneral,
        returnEntryId: back.entryId,
        undoEntryId: undone.entryId,
      },
    });
    return { giftId: g.id, fromCampaignCents: fromCampaign, fromGeneralCents: fromGeneral };
  });
}
