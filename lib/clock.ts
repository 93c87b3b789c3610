/**
 * The app's clock. Schedulers (reminders, deadline digests, year-end statements) read the time
 * here, so a test or a demo can move it forward without waiting days. The offset exists only
 * outside production and only in this process; production always reads the real time.
 */
import { appEnv, env } from "@/lib/env";

interface ClockHolder {
  __openbondClockOffsetMs?: number;
}
const holder = globalThis as typeof globalThis & ClockHolder;

/** The current time, moved by the test offset when one is set (never in production). */
export function now(): Date {
  return new Date(Date.now() + clockOffsetMs());
}

export function clockOffsetMs(): number {
  return holder.__openbondClockOffsetMs ?? 0;
}

/** Move this process's clock by `ms` from the real time (0 resets). Refused in production. */
export function setClockOffset(ms: number): void {
  if (appEnv(env()) === "production") throw new Error("The clock cannot be moved in production.");
  if (!Number.isSafeInteger(ms)) throw new Error("The clock offset must be a whole number of milliseconds.");
  holder.__openbondClockOffsetMs = ms;
}
