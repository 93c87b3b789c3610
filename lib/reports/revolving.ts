/** The revolving fund in figures: how much goes out to ICE, how much comes back, how fast, and how often each dollar has worked. */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { statementOfActivity } from "./activity";

export interface RevolvingFigures {
  bondsPosted: number;
  atIceCents: number;
  recoveredCents: number;
  refundedBonds: number;
  forfeitedBonds: number;
  /** Refunded bonds among bonds that have ended (refunded or forfeited), as a share; null before any has ended. */
  recoveryRate: number | null;
  /** Mean days from posting to refund, over refunded bonds; null before the first refund. */
  averageDaysToRefund: number | null;
  /** Bonds paid divided by gifts received: how many times, on average, a donated dollar has paid a bond. */
  poolTurns: number | null;
}

export async function revolvingFigures(db: Db): Promise<RevolvingFigures> {
  const [r] = rowsOf<Record<"posted" | "refunded" | "forfeited" | "recovered" | "days", string | number | null>>(
    await db.execute(sql`
      SELECT count(*) FILTER (WHERE posted_on IS NOT NULL) AS posted,
             count(*) FILTER (WHERE status = 'refunded') AS refunded,
             count(*) FILTER (WHERE status = 'forfeited') AS forfeited,
             coalesce(sum(refund_received_cents) FILTER (WHERE status = 'refunded'), 0)::bigint AS recovered,
             avg(refunded_on - posted_on) FILTER (WHERE status = 'refunded') AS days
        FROM bonds`),
  );
  const a = await statementOfActivity(db);
  const refunded = Number(r!.refunded);
  const forfeited = Number(r!.forfeited);
  return {
    bondsPosted: Number(r!.posted),
    atIceCents: a.bondsPaid - a.bondRefunds - a.forfeitures,
    recoveredCents: Number(r!.recovered),
    refundedBonds: refunded,
    forfeitedBonds: forfeited,
    recoveryRate: refunded + forfeited ? refunded / (refunded + forfeited) : null,
    averageDaysToRefund: r!.days === null ? null : Math.round(Number(r!.days)),
    poolTurns: a.gifts > 0 ? Math.round((a.bondsPaid / a.gifts) * 100) / 100 : null,
  };
}
