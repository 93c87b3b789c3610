/**
 * A treasurer records a gift by check, wire, cash or other (issue 15, item 3). In one
 * transaction: the ledger entry (undeposited funds → the campaign or the general pool), the
 * gift's row, the audit line and the receipt in the outbox; a refusal writes none of them.
 * The form's token is the gift's id, so a double-submitted form records one gift.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, offlineGifts } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { ACCEPTING_STATUSES } from "@/lib/donations/checkout";
import { AppError } from "@/lib/errors";
import { postEntry } from "@/lib/ledger";
import { offlineGiftEntry } from "@/lib/ledger/entries";
import { pgErrorOf } from "@/lib/ledger/db-errors";
import { parseOrThrow } from "@/lib/validation";
import { METHOD_LABELS, offlineGiftSchema, type OfflineGiftInput } from "./input";
import { queueOfflineReceipt } from "./receipt";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Recorded {
  id: string;
  amountCents: number;
  /** The same form was submitted again: nothing new was written. */
  replayed: boolean;
}

const refused = (field: string, message: string) =>
  new AppError("validation", message, { fieldErrors: { [field]: message } });

/** When the books say the gift arrived: noon UTC of the day received, or now if that is still ahead. */
export function effectiveAtFor(receivedOn: string, at: Date): Date {
  const noon = new Date(`${receivedOn}T12:00:00Z`);
  return noon < at ? noon : at;
}

export async function recordOfflineGift(
  db: Db,
  actor: Principal | null,
  input: Record<string, unknown>,
): Promise<Recorded> {
  const me = requireRole(actor, "treasurer");
  const at = now();
  const v = parseOrThrow(offlineGiftSchema(at.toISOString().slice(0, 10)), input);
  const token = typeof input.token === "string" && UUID.test(input.token) ? input.token.toLowerCase() : randomUUID();
  try {
    return await db.transaction(async (tx) => {
      const [again] = await tx.select().from(offlineGifts).where(eq(offlineGifts.id, token));
      if (again) return { id: again.id, amountCents: again.amountCents, replayed: true };
      const alias = await campaignAliasFor(tx, v.campaign);
      await refuseSecondCheck(tx, v);
      const posted = await postEntry(
        tx,
        offlineGiftEntry(
          {
            idempotencyKey: `offline-gift:${token}`,
            memo: `${METHOD_LABELS[v.method]} gift received ${v.receivedOn}`,
            ...(v.campaign ? { campaignId: v.campaign } : {}),
            refs: { offline_gift: token },
            effectiveAt: effectiveAtFor(v.receivedOn, at),
          },
          v.amount,
        ),
      );
      await tx.insert(offlineGifts).values({
        id: token,
        method: v.method,
        donorName: v.donorName,
        email: v.email || null,
        amountCents: v.amount,
        receivedOn: v.receivedOn,
        reference: v.reference,
        campaignId: v.campaign,
        displayName: v.showOnWall ? v.donorName : null,
        locale: v.locale,
        entryId: posted.entryId,
        recordedBy: me.userId,
      });
      await audit(tx, {
        actorUserId: me.userId,
        action: "offline_gift.recorded",
        subjectType: "offline_gift",
        subjectId: token,
        details: { method: v.method, amountCents: v.amount, campaignId: v.campaign, entryId: posted.entryId },
      });
      await queueOfflineReceipt(tx, {
        id: token,
        method: v.method,
        email: v.email,
        amountCents: v.amount,
        receivedOn: v.receivedOn,
        campaignAlias: alias,
        locale: v.locale,
      });
      return { id: token, amountCents: v.amount, replayed: false };
    });
  } catch (e) {
    // Two treasurers recording the same check at once: the database's unique index decides.
    const pg = pgErrorOf(e) as { code?: string; constraint_name?: string; constraint?: string } | null;
    if (pg?.code === "23505" && (pg.constraint_name ?? pg.constraint) === "offline_gifts_one_check")
      throw duplicateCheck(v.reference);
    throw e;
  }
}

function duplicateCheck(reference: string, receivedOn?: string): AppError {
  const when = receivedOn ? ` (received ${receivedOn})` : "";
  return refused(
    "reference",
    `Check number ${reference} from this donor is already recorded${when}; nothing was written. Reverse the first one if it was a mistake.`,
  );
}

async function refuseSecondCheck(tx: Db, v: OfflineGiftInput): Promise<void> {
  if (v.method !== "check") return;
  const [dup] = await tx
    .select({ receivedOn: offlineGifts.receivedOn })
    .from(offlineGifts)
    .where(
      and(
        eq(offlineGifts.method, "check"),
        sql`lower(${offlineGifts.donorName}) = lower(${v.donorName})`,
        eq(offlineGifts.reference, v.reference),
        sql`${offlineGifts.reversedAt} IS NULL`,
      ),
    );
  if (dup) throw duplicateCheck(v.reference, dup.receivedOn);
}

/** The campaign's public alias (null for the general pool); refuses a campaign that does not exist or takes no gifts. */
async function campaignAliasFor(tx: Db, campaignId: string | null): Promise<string | null> {
  if (!campaignId) return null;
  const [c] = await tx
    .select({ alias: campaigns.alias, status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!c) throw refused("campaign", "That campaign does not exist; choose one from the list or the general pool.");
  if (!(ACCEPTING_STATUSES as readonly string[]).includes(c.status))
    throw refused(
      "campaign",
      `Campaign ${c.alias}* is not taking gifts (it is ${c.status.replace("_", " ")}); record the gift to the general pool.`,
    );
  return c.alias;
}
