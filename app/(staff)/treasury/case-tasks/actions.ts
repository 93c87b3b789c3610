"use server";
import { revalidatePath } from "next/cache";
import { completeTask } from "@/lib/appointments/tasks";
import { ok } from "@/lib/forms/form-state";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { requireId } from "@/lib/validation";

export const completeCaseTaskAction = validatedAction(anyFields, async (_f, { me, db }, taskId: string) => {
  await completeTask(db, me, requireId(taskId, "task"));
  revalidatePath("/treasury");
  return ok("Marked done.");
});
