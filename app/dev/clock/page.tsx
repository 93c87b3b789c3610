import { notFound } from "next/navigation";
import { clockOffsetMs, now } from "@/lib/clock";
import { devToolsAllowed } from "@/lib/dev/dev-access";
import { moveClockAction, resetClockAction, runRemindersAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Test clock", robots: { index: false } };

const fmt = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
const input = "mt-1 w-24 rounded-md border border-line bg-white px-3 py-2 text-sm";

export default async function ClockPage({
  searchParams,
}: {
  searchParams: Promise<{ ran?: string; error?: string; reset?: string }>;
}) {
  if (!(await devToolsAllowed())) notFound();
  const { ran, error, reset } = await searchParams;
  const offset = clockOffsetMs();
  const days = (offset / 86_400_000).toFixed(2);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Test clock</h1>
      <p className="text-sm text-muted">
        Schedulers (reminders) read this process&apos;s clock. Moving it forward lets you watch reminders go out without
        waiting days. It resets when the server restarts and cannot be moved in production.
      </p>
      <dl className="grid grid-cols-2 gap-2 rounded-lg border border-line bg-white p-4 text-sm" data-testid="clock">
        <dt className="text-muted">Real time</dt>
        <dd className="tabular-nums">{fmt(new Date())}</dd>
        <dt className="text-muted">App clock</dt>
        <dd className="font-semibold tabular-nums" data-testid="app-clock">
          {fmt(now())}
        </dd>
        <dt className="text-muted">Offset</dt>
        <dd className="tabular-nums">{offset === 0 ? "none" : `${days} days`}</dd>
      </dl>
      {ran ? (
        <p
          role="status"
          className="rounded-md border border-brand bg-brand-soft p-3 text-sm"
          data-testid="clock-result"
        >
          Reminder pass: {ran}.
        </p>
      ) : null}
      {reset ? (
        <p role="status" className="rounded-md border border-brand bg-brand-soft p-3 text-sm">
          Clock reset to the real time.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md border border-accent p-3 text-sm">
          {error}
        </p>
      ) : null}
      <form
        action={moveClockAction}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-white p-4"
        aria-label="Move the clock"
      >
        <label className="text-sm">
          Days
          <input name="days" type="number" defaultValue="1" className={`block ${input}`} />
        </label>
        <label className="text-sm">
          Hours
          <input name="hours" type="number" defaultValue="0" className={`block ${input}`} />
        </label>
        <label className="text-sm">
          Minutes
          <input name="minutes" type="number" defaultValue="0" className={`block ${input}`} />
        </label>
        <button type="submit" className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white">
          Move the clock forward and run reminders
        </button>
      </form>
      <div className="flex flex-wrap gap-3">
        <form action={runRemindersAction}>
          <button type="submit" className="rounded-md border border-line bg-white px-4 py-2 text-sm font-semibold">
            Run reminders now
          </button>
        </form>
        <form action={resetClockAction}>
          <button type="submit" className="rounded-md border border-line bg-white px-4 py-2 text-sm font-semibold">
            Reset the clock
          </button>
        </form>
      </div>
    </div>
  );
}
