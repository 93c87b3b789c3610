/**
 * Every open deadline an ICE notice started, most urgent first, with the days
 * left counted in calendar days in the fund's time zone. Reads no envelope:
 * the form, the deadline instant and the campaign's public alias only.
 */
import { and, asc, eq, isNotNull, isNull, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bondNotices, bonds, campaigns } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { DEADLINE_LABEL, type DeadlineKind } from "./deadlines";
import { calendarDaysLeft, wallOf } from "./zoned-time";

export interface OpenDeadline {
  noticeId: string;
  bondId: string;
  campaignId: string;
  lawyerUserId: string | null;
  alias: string;
  form: string;
  kind: DeadlineKind;
  label: string;
  at: Date;
  /** The deadline as the fund's clock reads it, e.g. "2026-12-10 23:59 America/New_York". */
  local: string;
  daysLeft: number;
  overdue: boolean;
}

export async function openDeadlines(db: Db, at: Date = now()): Promise<OpenDeadline[]> {
  const tz = env().FUND_TIME_ZONE;
  const rows = await db
    .select({
      noticeId: bondNotices.id,
      bondId: bonds.id,
      campaignId: campaigns.id,
      lawyerUserId: campaigns.lawyerUserId,
      alias: campaigns.alias,
      form: bondNotices.form,
      kind: bondNotices.deadlineKind,
      at: bondNotices.deadlineAt,
    })
    .from(bondNotices)
    .innerJoin(bonds, eq(bonds.id, bondNotices.bondId))
    .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
    .where(
      and(
        isNull(bondNotices.resolvedAt),
        isNotNull(bondNotices.deadlineAt),
        notInArray(bonds.status, ["refunded", "forfeited"]),
      ),
    )
    .orderBy(asc(bondNotices.deadlineAt));
  return rows.map((r) => {
    const w = wallOf(r.at!, tz);
    const daysLeft = calendarDaysLeft(r.at!, at, tz);
    return {
      ...r,
      kind: r.kind!,
      at: r.at!,
      label: DEADLINE_LABEL[r.kind!],
      local: `${w.date} ${w.time} ${tz}`,
      daysLeft,
      overdue: r.at!.getTime() < at.getTime(),
    };
  });
}
