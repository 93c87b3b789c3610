/** The reminder loop's timer in each app instance, and a nudge so a correction leaves "at once" rather than at the next tick. */
import { getDbHandle } from "@/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { errorTag } from "./error-code";
import { runReminderLoopOnce, type LoopSummary } from "./worker";

const holder = globalThis as typeof globalThis & { __openbondReminderRunning?: Promise<LoopSummary> | null };

/** Run one pass unless one is already running in this process (then wait for that one). */
export function runRemindersNow(): Promise<LoopSummary> {
  if (!holder.__openbondReminderRunning) {
    holder.__openbondReminderRunning = getDbHandle()
      .then((h) => runReminderLoopOnce(h.db))
      .finally(() => {
        holder.__openbondReminderRunning = null;
      });
  }
  return holder.__openbondReminderRunning;
}

export function kickReminders(): void {
  setTimeout(() => {
    runRemindersNow().catch((e: unknown) => log.warn(errorTag(e), "reminder pass failed"));
  }, 0).unref();
}

export function startReminderLoop(): void {
  const timer = setInterval(() => {
    if (holder.__openbondReminderRunning) return;
    runRemindersNow().catch((e: unknown) => log.warn(errorTag(e), "reminder loop failed"));
  }, env().REMINDER_LOOP_SECONDS * 1000);
  timer.unref();
}
