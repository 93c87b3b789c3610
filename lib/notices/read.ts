/** Reading notices and scans: treasurers and admins only, every read in the audit log. */
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bondNotices, noticeScans } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { DEADLINE_LABEL } from "./deadlines";
import { openScan } from "./scan";
import { unseal } from "./sealed";
import { calendarDaysLeft, wallOf } from "./zoned-time";

interface NoticeDetails {
  place: string | null;
  deliveryDate: string | null;
  deliveryTime: string | null;
  timeZone: string | null;
  note: string;
}

export interface NoticeView {
  id: string;
  form: string;
  servedOn: string;
  servedBy: string;
  details: NoticeDetails;
  deadline: { label: string; local: string; daysLeft: number; resolved: boolean } | null;
  scan: { mime: string; sizeBytes: number } | null;
}

export async function listNotices(db: Db, actor: Principal | null, bondId: string): Promise<NoticeView[]> {
  const me = requireRole(actor, "treasurer", "admin");
  const rows = await db
    .select({ n: bondNotices, mime: noticeScans.mime, size: noticeScans.sizeBytes })
    .from(bondNotices)
    .leftJoin(noticeScans, eq(noticeScans.noticeId, bondNotices.id))
    .where(eq(bondNotices.bondId, bondId))
    .orderBy(asc(bondNotices.servedOn), asc(bondNotices.createdAt));
  if (rows.length)
    await audit(db, {
      actorUserId: me.userId,
      action: "notice.read",
      subjectType: "bond",
      subjectId: bondId,
      details: { notices: rows.length },
    });
  const at = now();
  return rows.map(({ n, mime, size }) => {
    const details = unseal<NoticeDetails>("notice", n.id, n.envelope);
    // The I-340 is read on the facility's clock; day-counted deadlines on the fund's.
    const tz = n.deadlineKind === "deliver_person" && details.timeZone ? details.timeZone : env().FUND_TIME_ZONE;
    const deadline =
      n.deadlineAt && n.deadlineKind
        ? {
            label: DEADLINE_LABEL[n.deadlineKind],
            local: `${wallOf(n.deadlineAt, tz).date} ${wallOf(n.deadlineAt, tz).time} ${tz}`,
            daysLeft: calendarDaysLeft(n.deadlineAt, at, tz),
            resolved: Boolean(n.resolvedAt),
          }
        : null;
    return {
      id: n.id,
      form: n.form,
      servedOn: n.servedOn,
      servedBy: n.servedBy,
      details,
      deadline,
      scan: mime ? { mime, sizeBytes: size! } : null,
    };
  });
}

export async function downloadScan(
  db: Db,
  actor: Principal | null,
  noticeId: string,
): Promise<{ bytes: Buffer; mime: string; form: string }> {
  const me = requireRole(actor, "treasurer", "admin");
  const [row] = await db
    .select({ s: noticeScans, form: bondNotices.form, bondId: bondNotices.bondId })
    .from(noticeScans)
    .innerJoin(bondNotices, eq(bondNotices.id, noticeScans.noticeId))
    .where(eq(noticeScans.noticeId, noticeId));
  if (!row) throw new AppError("not_found", "No scan for that notice.");
  const bytes = openScan(noticeId, row.s.envelope);
  await audit(db, {
    actorUserId: me.userId,
    action: "notice.scan_downloaded",
    subjectType: "bond",
    subjectId: row.bondId,
    details: { noticeId },
  });
  return { bytes, mime: row.s.mime, form: row.form };
}

/** The treasurer marks a deadline met (the person was delivered, the appeal filed elsewhere). */
export async function resolveNotice(db: Db, actor: Principal | null, noticeId: string): Promise<void> {
  const me = requireRole(actor, "treasurer");
  await db.transaction(async (tx) => {
    const [n] = await tx.select().from(bondNotices).where(eq(bondNotices.id, noticeId)).for("update");
    if (!n || !n.deadlineAt) throw new AppError("not_found", "No open deadline with that id.");
    if (n.resolvedAt) throw new AppError("conflict", "This deadline is already marked done.");
    await tx.update(bondNotices).set({ resolvedAt: now() }).where(eq(bondNotices.id, noticeId));
    await audit(tx, {
      actorUserId: me.userId,
      action: "notice.deadline_met",
      subjectType: "bond",
      subjectId: n.bondId,
      details: { noticeId },
    });
  });
}
