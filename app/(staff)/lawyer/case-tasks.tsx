/** The lawyer's open follow-ups across campaigns (EOIR-33, AR-11, missed appointments), until marked done. */
import Link from "next/link";
import { getDb } from "@/db";
import type { Principal } from "@/lib/auth/roles";
import { openTasks } from "@/lib/appointments/tasks";

export async function LawyerCaseTasks({ me }: { me: Principal }) {
  const tasks = await openTasks(await getDb(), me, "lawyer");
  if (!tasks.length) return null;
  return (
    <section className="mb-4 rounded-lg border border-accent bg-white p-4" data-testid="lawyer-case-tasks">
      <h2 className="mb-2 font-semibold">To do for your clients</h2>
      <ul className="space-y-1 text-sm">
        {tasks.map((t) => (
          <li key={t.id}>
            {t.urgent ? <strong className="text-accent">Urgent: </strong> : null}
            {t.label} —{" "}
            <Link href={`/lawyer/campaigns/${t.campaignId}/appointments`} className="text-brand underline">
              {t.alias}*
            </Link>
            {t.dueOn ? <span className="text-muted"> · due {t.dueOn}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
