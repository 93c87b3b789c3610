/** The development SMS outbox, beside the mail: what would have gone to Twilio, decrypted (dev tools only). */
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { reminderJobs, smsMessages } from "@/db/schema";
import { unseal } from "@/lib/appointments/access";
import { devToolsAllowed } from "@/lib/dev/dev-access";
import { SMS_AAD } from "@/lib/sms/transport";

export async function SmsOutbox() {
  // The page gates too; this component decrypts, so it checks for itself.
  if (!(await devToolsAllowed())) return null;
  const rows = await (
    await getDb()
  )
    .select({
      id: smsMessages.id,
      jobId: smsMessages.jobId,
      at: smsMessages.createdAt,
      transport: smsMessages.transport,
      envelope: smsMessages.envelope,
      kind: reminderJobs.kind,
      offsetKey: reminderJobs.offsetKey,
      status: reminderJobs.status,
    })
    .from(smsMessages)
    .innerJoin(reminderJobs, eq(reminderJobs.id, smsMessages.jobId))
    .orderBy(desc(smsMessages.createdAt))
    .limit(50);
  return (
    <section className="mb-8">
      <h2 className="mb-3 text-xl font-semibold">SMS</h2>
      {rows.length === 0 ? (
        <p className="text-muted">No SMS yet.</p>
      ) : (
        <ol className="space-y-3">
          {rows.map((r) => {
            const m = unseal<{ to: string; body: string }>(r.envelope, SMS_AAD(r.jobId));
            return (
              <li key={r.id} className="rounded-xl border border-line bg-white p-4" data-testid="outbox-sms">
                <p className="text-sm text-muted">
                  {r.at.toISOString().slice(0, 16).replace("T", " ")} · {r.kind}
                  {r.kind === "reminder" ? ` (${r.offsetKey})` : ""} · {r.transport} · to {m.to}
                </p>
                <p className="mt-1 text-sm">{m.body}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
