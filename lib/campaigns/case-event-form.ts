/** A case event as the lawyer's form sends it: the new bond amount typed in dollars. */
import type { Db } from "@/db/client";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError, isAppError } from "@/lib/errors";
import { parseUsd } from "@/lib/money";
import { recordCaseEvent } from "./case-events";

export async function recordCaseEventForm(
  db: Db,
  actor: Principal | null,
  campaignId: string,
  fd: FormData,
): Promise<void> {
  const lawyer = requireRole(actor, "lawyer");
  const kind = String(fd.get("kind") ?? "");
  const input: Record<string, unknown> = { kind, note: String(fd.get("note") ?? "") };
  if (fd.get("reasonCode")) input.reasonCode = String(fd.get("reasonCode"));
  // Cancelling stops the page taking gifts and sends its money to the treasurers' refund-or-redirect step: confirmed explicitly.
  if (kind === "cancelled" && fd.get("confirmCancel") !== "on")
    throw new AppError("validation", "Nothing was recorded: tick the box to confirm cancelling the campaign.", {
      fieldErrors: { confirmCancel: "Tick to confirm: the campaign stops taking gifts and cannot be reopened." },
    });
  if (kind === "goal_changed") {
    try {
      input.goalCents = parseUsd(String(fd.get("goal") ?? ""), { field: "new bond amount", allowZero: false });
    } catch (e) {
      if (!isAppError(e)) throw e;
      throw new AppError("validation", e.message, { fieldErrors: { goal: e.message } });
    }
  }
  await recordCaseEvent(db, lawyer, campaignId, input);
}
