"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { completeTask } from "@/lib/appointments/tasks";
import { currentPrincipal } from "@/lib/auth/config";
import { attempt, type FormState } from "@/lib/forms/form-state";
import { requireId } from "@/lib/validation";

export async function completeCaseTaskAction(taskId: string, _p: FormState): Promise<FormState> {
  const r = await attempt(async () => completeTask(await getDb(), await currentPrincipal(), requireId(taskId, "task")));
  if (!r.ok) return r.state;
  revalidatePath("/treasury");
  return { status: "ok", message: "Marked done." };
}
