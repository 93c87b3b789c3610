/**
 * Bank reconciliation for offline gifts: the treasurer selects which recorded gifts one bank line
 * deposits (one deposit may carry several checks). Their sum must equal the line to the cent, and a
 * line or a gift already matched cannot be matched again. The match books the deposit (bank ←
 * undeposited funds) in the same transaction; a refusal writes nothing.
 */
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bankStatementLines, offlineDeposits, offlineGifts } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { postEntry } from "@/lib/ledger";
import { depositEntry } from "@/lib/ledger/entries";
import { formatUsd } from "@/lib/money";
import { parseOrThrow } from "@/lib/validation";
import { effectiveAtFor } from "./record";

const matchSchema = z.object({
  lineId: z.uuid("Choose a bank line from the list."),
  giftIds: z
    .array(z.uuid("Select gifts from the list."), "Select the gifts this deposit carries.")
    .min(1, "Select the gifts this deposit carries: none is selected.")
    .max(200, "Select at most 200 gifts for one deposit.")
    .refine((ids) => new Set(ids).size === ids.length, "A gift is selected twice."),
});

const gift = (g: { amountCents: number; receivedOn: string; reference: string }) =>
  `the ${formatUsd(g.amountCents)} gift received ${g.receivedOn}${g.reference ? ` (ref. ${g.reference})` : ""}`;

export async function matchDeposit(
  db: Db,
  actor: Principal | null,
  input: unknown,
): Promise<{ depositId: string; gifts: number; amountCents: number }> {
  const me = requireRole(actor, "treasurer");
  const { lineId, giftIds } = parseOrThrow(matchSchema, input);
  return db.transaction(async (tx) => {
    const [line] = await tx.select().from(bankStatementLines).where(eq(bankStatementLines.id, lineId)).for("update");
    if (!line) throw new AppError("not_found", "That bank line does not exist.");
    if (line.matchedKind)
      throw new AppError("conflict", `The bank line of ${line.postedOn} is already matched; nothing was written.`);
    if (line.amountCents <= 0)
      throw new AppError("validation", `The bank line of ${line.postedOn} is a withdrawal; it cannot deposit gifts.`);
    const gifts = await tx.select().from(offlineGifts).where(inArray(offlineGifts.id, giftIds)).for("update");
    if (gifts.length !== giftIds.length)
      throw new AppError("validation", "A selected gift does not exist; reload the page and select again.");
    for (const g of gifts) {
      if (g.reversedAt) throw new AppError("conflict", `${cap(gift(g))} was reversed; it cannot be deposited.`);
      if (g.depositId) throw new AppError("conflict", `${cap(gift(g))} is already matched to a deposit.`);
      if (g.receivedOn > line.postedOn)
        throw new AppError(
          "validation",
          `${cap(gift(g))} cannot be in a deposit of ${line.postedOn}, before it was received.`,
        );
    }
    const sum = gifts.reduce((s, g) => s + g.amountCents, 0);
    if (sum !== line.amountCents)
      throw new AppError(
        "validation",
        `The selected gifts add up to ${formatUsd(sum)}, but the bank line is ${formatUsd(line.amountCents)} (a difference of ${formatUsd(Math.abs(line.amountCents - sum))}); select exactly the gifts this deposit carries. Nothing was matched.`,
      );
    const posted = await postEntry(
      tx,
      depositEntry(
        {
          idempotencyKey: `deposit:${line.id}`,
          memo: `Bank deposit of ${gifts.length} offline gift(s), ${line.postedOn}`,
          refs: { bank_line: line.id },
          effectiveAt: effectiveAtFor(line.postedOn, now()),
        },
        sum,
      ),
    );
    const [dep] = await tx
      .insert(offlineDeposits)
      .values({ bankLineId: line.id, amountCents: sum, entryId: posted.entryId, matchedBy: me.userId })
      .returning({ id: offlineDeposits.id });
    await tx.update(offlineGifts).set({ depositId: dep!.id }).where(inArray(offlineGifts.id, giftIds));
    await tx
      .update(bankStatementLines)
      .set({ matchedKind: "offline_deposit", matchedRef: dep!.id })
      .where(eq(bankStatementLines.id, line.id));
    await audit(tx, {
      actorUserId: me.userId,
      action: "offline_deposit.matched",
      subjectType: "bank_line",
      subjectId: line.id,
      details: { depositId: dep!.id, gifts: gifts.length, amountCents: sum, entryId: posted.entryId },
    });
    return { depositId: dep!.id, gifts: gifts.length, amountCents: sum };
  });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
