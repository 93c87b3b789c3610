import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { devToolsAllowed } from "@/lib/dev/dev-access";
import { recentOutbox } from "@/lib/dev/dev-tools";
import { appOrigin } from "@/lib/app-origin";
import { MailText } from "./mail-text";
import { SmsOutbox } from "./sms-outbox";

export const dynamic = "force-dynamic";
export const metadata = { title: "Outbox (test)", robots: { index: false } };

export default async function Outbox() {
  // Lists every sign-in link: this machine or a signed-in admin only (lib/dev/dev-access.ts).
  if (!(await devToolsAllowed())) notFound();
  const messages = await recentOutbox(await getDb());
  const origin = appOrigin();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Outbox</h1>
      <SmsOutbox />
      {messages.length === 0 ? (
        <p className="text-muted">No messages yet.</p>
      ) : (
        <ol className="space-y-4">
          {messages.map((m) => (
            <li key={m.id} className="rounded-xl border border-line bg-white p-4" data-testid="outbox-message">
              <p className="text-sm text-muted">
                {m.createdAt.toISOString().slice(0, 16).replace("T", " ")} · {m.kind} · {m.status} · to {m.toAddress}
              </p>
              <h2 className="mt-1 font-semibold">{m.subject}</h2>
              <MailText text={m.textBody} origin={origin} />
              {m.attachment && (
                <a href={`/dev/outbox/${m.id}/attachment`} className="mt-2 inline-block text-sm text-brand underline">
                  Attachment: {m.attachment.startsWith("receipt:") ? "receipt" : "year-end statement"} (PDF)
                </a>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
