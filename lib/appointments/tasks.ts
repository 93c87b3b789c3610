/** The follow-up tasks (EOIR-33, AR-11, I-333, a missed appointment) on the lawyer's and the treasurer's lists until done. */
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, caseTasks, type CaseTaskKind } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { requireCaseAccess } from "./access";

const TASK_LABELS: Record<CaseTaskKind, { lawyer: string; treasurer: string }> = {
  eoir33: { lawyer: "File EOIR-33 (change of address) with the immigration court", treasurer: "" },
  ar11: { lawyer: "File AR-11 (change of address) with USCIS", treasurer: "" },
  i333: { lawyer: "", treasurer: "File I-333 (obligor change of address) with ICE for the bond" },
  missed_appointment: {
    lawyer: "Missed appointment: consider a motion to reopen (deadline shown is 180 days, exceptional circumstances)",
    treasurer: "Missed appointment: an I-340 demand or an I-323 breach notice may follow",
  },
};

export interface TaskLine {
  id: string;
  campaignId: string;
  alias: string;
  kind: CaseTaskKind;
  label: string;
  dueOn: string | null;
  urgent: boolean;
}

export async function openTasks(db: Db, actor: Principal | null, as: "lawyer" | "treasurer"): Promise<TaskLine[]> {
  const me = requireRole(actor, as);
  const where =
    as === "lawyer"
      ? and(eq(caseTasks.status, "open"), eq(caseTasks.assignee, "lawyer"), eq(campaigns.lawyerUserId, me.userId))
      : and(eq(caseTasks.status, "open"), eq(caseTasks.assignee, "treasurer"));
  const rows = await db
    .select({
      id: caseTasks.id,
      campaignId: caseTasks.campaignId,
      alias: campaigns.alias,
      kind: caseTasks.kind,
      dueOn: caseTasks.dueOn,
      urgent: caseTasks.urgent,
    })
    .from(caseTasks)
    .innerJoin(campaigns, eq(campaigns.id, caseTasks.campaignId))
    .where(where)
    .orderBy(desc(caseTasks.urgent), asc(caseTasks.dueOn), asc(caseTasks.createdAt));
  return rows.map((r) => ({ ...r, label: TASK_LABELS[r.kind][as] }));
}

export async function completeTask(db: Db, actor: Principal | null, taskId: string): Promise<void> {
  const [t] = await db.select().from(caseTasks).where(eq(caseTasks.id, taskId));
  if (!t) throw new AppError("not_found", "No such task.");
  const { me } = await requireCaseAccess(db, actor, t.campaignId, "write");
  if (!me.roles.includes(t.assignee)) throw new AppError("forbidden", `This task is for the ${t.assignee}.`);
  if (t.status === "done") return;
  await db.transaction(async (tx) => {
    await tx
      .update(caseTasks)
      .set({ status: "done", doneBy: me.userId, doneAt: new Date() })
      .where(and(eq(caseTasks.id, taskId), eq(caseTasks.status, "open")));
    await audit(tx, {
      actorUserId: me.userId,
      action: "case_task.done",
      subjectType: "campaign",
      subjectId: t.campaignId,
      details: { taskId, kind: t.kind },
    });
  });
}
