import Link from "next/link";
import { appEnv, env } from "@/lib/env";

export default function CheckEmailPage() {
  // Without SMTP the development outbox holds the link; that page exists only outside production.
  const devOutbox = appEnv(env()) !== "production" && !env().SMTP_URL;
  return (
    <section className="mx-auto max-w-md rounded-xl border border-line bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">Check your email</h1>
      <p className="mt-2 text-muted">We sent you a sign-in link. It works once and expires in 15 minutes.</p>
      {devOutbox ? (
        <p className="mt-4 text-sm">
          Development: no mail server is configured, so the message is in the{" "}
          <Link className="text-brand underline" href="/dev/outbox">
            development outbox
          </Link>
          .
        </p>
      ) : null}
    </section>
  );
}
