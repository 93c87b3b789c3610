/**
 * Read models for the treasurer's offline-gift pages. Donor names and emails are private donor
 * data: these are for treasurers only (admins oversee the books through the ledger, which carries
 * no names).
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bankStatementLines, campaigns, offlineDeposits, offlineGifts, type OfflineMethod } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { ACCEPTING_STATUSES } from "@/lib/donations/checkout";
import { AppError } from "@/lib/errors";
import { getBalance } from "@/lib/ledger";
import { requireId } from "@/lib/validation";

export type GiftState =
  | { kind: "undeposited" }
  | { kind: "deposited"; on: string }
  | { kind: "reversed"; on: string }
  /** A deposited check the bank took back (return.ts). */
  | { kind: "returned"; on: string };

export interface OfflineGiftRow {
  id: string;
  method: OfflineMethod;
  donorName: string;
  email: string | null;
  amountCents: number;
  receivedOn: string;
  reference: string;
  /** Null: the general pool. */
  alias: string | null;
  onWall: boolean;
  state: GiftState;
}

const LIST_LIMIT = 200;

function stateOf(r: { reversedAt: Date | null; depositedOn: string | null; returned: boolean }): GiftState {
  if (r.reversedAt && r.returned) return { kind: "returned", on: r.reversedAt.toISOString().slice(0, 10) };
  if (r.reversedAt) return { kind: "reversed", on: r.reversedAt.toISOString().slice(0, 10) };
  if (r.depositedOn) return { kind: "deposited", on: r.depositedOn };
  return { kind: "undeposited" };
}

async function giftRows(db: Db, where: ReturnType<typeof and>): Promise<OfflineGiftRow[]> {
  const rows = await db
    .select({
      g: offlineGifts,
      alias: campaigns.alias,
      depositedOn: bankStatementLines.postedOn,
    })
    .from(offlineGifts)
    .leftJoin(campaigns, eq(campaigns.id, offlineGifts.campaignId))
    .leftJoin(offlineDeposits, eq(offlineDeposits.id, offlineGifts.depositId))
    .leftJoin(bankStatementLines, eq(bankStatementLines.id, offlineDeposits.bankLineId))
    .where(where)
    .orderBy(desc(offlineGifts.receivedOn), desc(offlineGifts.createdAt))
    .limit(LIST_LIMIT);
  return rows.map(({ g, alias, depositedOn }) => ({
    id: g.id,
    method: g.method,
    donorName: g.donorName,
    email: g.email,
    amountCents: g.amountCents,
    receivedOn: g.receivedOn,
    reference: g.reference,
    alias,
    onWall: g.displayName !== null,
    state: stateOf({ reversedAt: g.reversedAt, depositedOn, returned: g.returnBankLineId !== null }),
  }));
}

/** The offline-gifts page: the latest gifts with their state, the campaigns a gift can go to, and what waits for deposit. */
export async function offlineGiftsPage(db: Db, actor: Principal | null) {
  const me = requireRole(actor, "treasurer");
  const gifts = await giftRows(db, undefined);
  await auditRead(db, me, "offline_gifts", gifts.length);
  const choices = await db
    .select({ id: campaigns.id, alias: campaigns.alias, region: campaigns.region })
    .from(campaigns)
    .where(inArray(campaigns.status, [...ACCEPTING_STATUSES]))
    .orderBy(asc(campaigns.alias));
  return { gifts, campaigns: choices, undepositedCents: await getBalance(db, "undeposited_funds") };
}

/** One bank line and the recorded gifts still waiting for deposit, for the treasurer to match. */
export async function lineForMatching(db: Db, actor: Principal | null, rawLineId: string) {
  const me = requireRole(actor, "treasurer");
  const lineId = requireId(rawLineId, "bank line");
  const [line] = await db.select().from(bankStatementLines).where(eq(bankStatementLines.id, lineId));
  if (!line) throw new AppError("not_found", "That bank line does not exist.");
  const waiting = await giftRows(db, and(isNull(offlineGifts.depositId), isNull(offlineGifts.reversedAt)));
  const deposited = line.matchedKind === "offline_deposit" ? await depositedBy(db, line.matchedRef!) : [];
  // A withdrawal not matched yet may be the bank taking back a deposited check of that amount.
  const returnable =
    line.amountCents < 0 && !line.matchedKind
      ? (
          await giftRows(
            db,
            and(
              isNotNull(offlineGifts.depositId),
              isNull(offlineGifts.reversedAt),
              eq(offlineGifts.amountCents, -line.amountCents),
            ),
          )
        ).filter((g) => g.state.kind === "deposited" && g.state.on <= line.postedOn)
      : [];
  const returned =
    line.matchedKind === "offline_return" ? await giftRows(db, and(eq(offlineGifts.returnBankLineId, line.id))) : [];
  await auditRead(db, me, lineId, waiting.length + deposited.length + returnable.length + returned.length);
  return { line, waiting: waiting.reverse(), deposited, returnable, returned };
}

/** Donor names and emails were shown: who saw how many (never the names themselves). */
async function auditRead(db: Db, me: Principal, subjectId: string, shown: number): Promise<void> {
  await audit(db, {
    actorUserId: me.userId,
    action: "offline_gifts.read",
    subjectType: subjectId === "offline_gifts" ? "offline_gifts" : "bank_line",
    subjectId,
    details: { shown },
  });
}

async function depositedBy(db: Db, depositId: string): Promise<OfflineGiftRow[]> {
  return giftRows(db, and(eq(offlineGifts.depositId, depositId)));
}

/** Bank deposits of offline gifts: the positive lines not matched yet, and the latest matched deposits. */
export async function depositsOverview(db: Db, actor: Principal | null) {
  requireRole(actor, "treasurer");
  const open = await db
    .select()
    .from(bankStatementLines)
    .where(and(isNull(bankStatementLines.matchedKind), gt(bankStatementLines.amountCents, 0)))
    .orderBy(asc(bankStatementLines.postedOn))
    .limit(LIST_LIMIT);
  const matched = await db
    .select({
      lineId: bankStatementLines.id,
      postedOn: bankStatementLines.postedOn,
      description: bankStatementLines.description,
      amountCents: offlineDeposits.amountCents,
      gifts: sql<number>`(SELECT count(*)::int FROM offline_gifts g WHERE g.deposit_id = ${offlineDeposits.id})`,
    })
    .from(offlineDeposits)
    .innerJoin(bankStatementLines, eq(bankStatementLines.id, offlineDeposits.bankLineId))
    .orderBy(desc(offlineDeposits.createdAt))
    .limit(50);
  const waiting = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(offlineGifts)
    .where(and(isNull(offlineGifts.depositId), isNull(offlineGifts.reversedAt)));
  // Withdrawals not matched yet that take back exactly what a deposited, not yet returned gift was.
  const returns = await db
    .select()
    .from(bankStatementLines)
    .where(
      and(
        isNull(bankStatementLines.matchedKind),
        lt(bankStatementLines.amountCents, 0),
        sql`EXISTS (SELECT 1 FROM offline_gifts g WHERE g.deposit_id IS NOT NULL AND g.reversed_at IS NULL
                    AND g.amount_cents = -${bankStatementLines.amountCents})`,
      ),
    )
    .orderBy(asc(bankStatementLines.postedOn))
    .limit(LIST_LIMIT);
  return { open, matched, returns, waitingGifts: Number(waiting[0]?.n ?? 0) };
}
