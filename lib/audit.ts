/** The audit trail: every read and change of a case file, every verification and role change. Never put case-file values in `details`. */
import { auditLog } from "@/db/schema";
import type { Db } from "@/db/client";

export interface AuditEvent {
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, string | number | boolean | null>;
}

export async function audit(db: Db, ev: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({ ...ev, details: ev.details ?? {} });
}
