/** The audit log for admins: newest first, filtered by action, subject and actor, 50 rows a page. */
import { and, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { parseOrThrow } from "@/lib/validation";

const AUDIT_PAGE_SIZE = 50;

const filterSchema = z.object({
  action: z.string().trim().max(80).default(""),
  subject: z.string().trim().max(120).default(""),
  actor: z.string().trim().max(254).default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.input<typeof filterSchema>;

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function listAuditLog(db: Db, actor: Principal | null, input: AuditFilter) {
  requireRole(actor, "admin");
  const f = parseOrThrow(filterSchema, input);
  const where: SQL[] = [];
  // "case_file." finds every case-file action; a full name finds one.
  if (f.action) where.push(ilike(auditLog.action, likePrefix(f.action)));
  if (f.subject) where.push(or(eq(auditLog.subjectId, f.subject), eq(auditLog.subjectType, f.subject))!);
  if (f.actor) where.push(or(eq(auditLog.actorUserId, f.actor), ilike(users.email, likePrefix(f.actor)))!);
  const cond = where.length ? and(...where) : undefined;
  const [{ total }] = (await db
    .select({ total: count() })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(cond)) as [{ total: number }];
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      actorUserId: auditLog.actorUserId,
      actorEmail: users.email,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(cond)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE);
  return {
    rows,
    total: Number(total),
    page: f.page,
    pageCount: Math.max(1, Math.ceil(Number(total) / AUDIT_PAGE_SIZE)),
    filter: f,
  };
}
