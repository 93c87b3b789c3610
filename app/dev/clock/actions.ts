"use server";
/** Test-clock controls (never in production: setClockOffset refuses there, and the page 404s). */
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { clockOffsetMs, setClockOffset } from "@/lib/clock";
import { devToolsAllowed } from "@/lib/dev/dev-access";
import { runRemindersNow } from "@/lib/reminders/loop";

const step = z.object({
  days: z.coerce.number().int().min(-400).max(400).default(0),
  hours: z.coerce.number().int().min(-1000).max(1000).default(0),
  minutes: z.coerce.number().int().min(-10000).max(10000).default(0),
});

function summary(s: Awaited<ReturnType<typeof runRemindersNow>>): string {
  return `sent ${s.sent}, missed ${s.missed}, skipped ${s.skipped}, retried ${s.retried}, failed ${s.failed}`;
}

export async function moveClockAction(fd: FormData): Promise<void> {
  if (!(await devToolsAllowed())) notFound();
  const p = step.safeParse({
    days: fd.get("days") || 0,
    hours: fd.get("hours") || 0,
    minutes: fd.get("minutes") || 0,
  });
  if (!p.success) redirect("/dev/clock?error=Enter+whole+numbers");
  const { days, hours, minutes } = p.data;
  setClockOffset(clockOffsetMs() + ((days * 24 + hours) * 60 + minutes) * 60_000);
  // Moving the clock runs the reminders at once, as an instance would on its next tick.
  const s = await runRemindersNow();
  redirect(`/dev/clock?ran=${encodeURIComponent(summary(s))}`);
}

export async function resetClockAction(): Promise<void> {
  if (!(await devToolsAllowed())) notFound();
  setClockOffset(0);
  redirect("/dev/clock?reset=1");
}

export async function runRemindersAction(): Promise<void> {
  if (!(await devToolsAllowed())) notFound();
  const s = await runRemindersNow();
  redirect(`/dev/clock?ran=${encodeURIComponent(summary(s))}`);
}
