"use client";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { completeCaseTaskAction } from "./actions";

export function CaseTaskDone({ taskId }: { taskId: string }) {
  return (
    <ActionForm action={completeCaseTaskAction.bind(null, taskId)} label="Mark done">
      <SubmitButton variant="secondary">Done</SubmitButton>
    </ActionForm>
  );
}
