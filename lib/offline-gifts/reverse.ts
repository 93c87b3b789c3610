/**
 * A recording mistake is corrected by reversal, never by an edit: the gift's entry is mirrored
 * (reverse-entry.ts), the gift leaves the campaign's figure, its donor count and the wall, and the
 * same check may then be recorded again, right. Only an undeposited gift can be reversed here.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bankStatementLines, offlineDeposits, offlineGifts } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { reverseEntry } from "@/lib/ledger";
import { formatUsd } from "@/lib/money";
import { parseOrThrow } from "@/lib/validation";

const reverseSchema = z.object({
  giftId: z.uuid("Choose a gift from the list."),
  reason: z
    .string("Say why the gift is reversed.")
    .trim()
    .min(5, "Say why the gift is reversed (at least 5 characters).")
    .max(300, "The reason is longer than 300 characters."),
});

export async function reverseOfflineGift(
  db: Db,
  actor: Principal | null,
  input: unknown,
): Promise<{ entryId: number }> {
  const me = requireRole(actor, "treasurer");
  const { giftId, reason } = parseOrThrow(reverseSchema, input);
  return db.transaction(async (tx) => {
    const [g] = await tx.select().from(offlineGifts).where(eq(offlineGifts.id, giftId)).for("update");
    if (!g) throw new AppError("not_found", "That offline gift does not exist.");
    const what = `The ${formatUsd(g.amountCents)} gift received ${g.receivedOn}`;
    if (g.reversedAt) throw new AppError("conflict", `${what} was already reversed; nothing was written.`);
    if (g.depositId) {
      const [d] = await tx
        .select({ on: bankStatementLines.postedOn })
        .from(offlineDeposits)
        .innerJoin(bankStatementLines, eq(bankStatementLines.id, offlineDeposits.bankLineId))
        .where(eq(offlineDeposits.id, g.depositId));
      throw new AppError(
        "conflict",
        `${what} was deposited on ${d?.on ?? "a matched bank line"}, so the bank has it: a deposited gift cannot be reversed. If the bank returned it (it bounced), match the bank's withdrawal line to it under Reconciliation → Bank deposits of offline gifts.`,
      );
    }
    const r = await reverseEntry(tx, {
      entryId: g.entryId,
      idempotencyKey: `offline-gift:${g.id}:reversed`,
      memo: "Offline gift reversed: recorded by mistake",
    });
    await tx
      .update(offlineGifts)
      .set({ reversedAt: now(), reversedBy: me.userId, reversalEntryId: r.entryId, reversalReason: reason })
      .where(eq(offlineGifts.id, g.id));
    await audit(tx, {
      actorUserId: me.userId,
      action: "offline_gift.reversed",
      subjectType: "offline_gift",
      subjectId: g.id,
      details: { amountCents: g.amountCents, entryId: r.entryId },
    });
    return { entryId: r.entryId };
  });
}
