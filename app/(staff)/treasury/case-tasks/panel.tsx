/** Treasury dashboard: missed appointments (an I-340 or I-323 may follow) and I-333 filings, until marked done. */
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { openTasks } from "@/lib/appointments/tasks";
import { CaseTaskDone } from "./done-button";

export async function CaseTasksPanel() {
  const me = await currentPrincipal();
  if (!me?.roles.includes("treasurer")) return null;
  const tasks = await openTasks(await getDb(), me, "treasurer");
  return (
    <section className="rounded-lg border border-line bg-white p-4" data-testid="treasury-case-tasks">
      <h2 className="mb-2 font-semibold">Appearances and addresses</h2>
      {tasks.length === 0 ? (
        <p className="text-sm text-muted">No missed appointments or I-333 filings waiting.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {tasks.map((t) => (
            <li
              key={t.id}
              className={`flex flex-wrap items-center justify-between gap-2 rounded-md border p-2 ${t.urgent ? "border-accent" : "border-line"}`}
            >
              <span>
                <strong className={t.urgent ? "text-accent" : ""}>{t.urgent ? "Urgent: " : ""}</strong>
                {t.label} — {t.alias}*{t.dueOn ? <span className="text-muted"> · due {t.dueOn}</span> : null}
              </span>
              <CaseTaskDone taskId={t.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
