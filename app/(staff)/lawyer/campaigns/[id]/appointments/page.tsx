import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { gate, load } from "@/app/components/staff/gate";
import { openTasks } from "@/lib/appointments/tasks";
import { appointmentsPage } from "@/lib/appointments/view";
import { languageName } from "@/lib/reminders/messages";
import { AddressForm, DoneForm, RegistrationForm, WithdrawConsentForm } from "./forms";
import { AppointmentCard } from "./appointment-card";
import { NewAppointmentForm } from "./appointment-forms";
import { kindOptions, languageOptions, zoneOptions } from "./options";

export const metadata: Metadata = { title: "Appointments and reminders" };
export const dynamic = "force-dynamic";

export default async function AppointmentsPage({ params }: { params: Promise<{ id: string }> }) {
  const g = await gate("lawyer", "treasurer");
  if (g.denied) return g.denied;
  const { id } = await params;
  const db = await getDb();
  const d = await load(async () => appointmentsPage(db, g.me, id));
  if (d.denied) return d.denied;
  const { campaign: c, registration: reg, appointments } = d.value;
  const tasks = g.me.roles.includes("lawyer")
    ? (await openTasks(db, g.me, "lawyer")).filter((t) => t.campaignId === c.id)
    : [];
  const zones = zoneOptions();
  return (
    <section className="space-y-8">
      <header>
        <p className="text-sm">
          <Link href={`/lawyer/campaigns/${c.id}`} className="text-brand underline">
            ← {c.alias}*
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Appointments and reminders</h1>
        <p className="text-sm text-muted">
          Private case file: only you and the fund&apos;s treasurers see this page. Reminders carry the date, time,
          place and your phone — never the A-number or case details.
        </p>
        <p className="mt-2 text-sm">
          <a href={`/lawyer/campaigns/${c.id}/appointments/calendar`} className="text-brand underline" download>
            Download these appointments as a calendar file (.ics)
          </a>{" "}
          <span className="text-muted">— for your own calendar only; there is no public feed.</span>
        </p>
      </header>

      {d.value.languageWarning ? (
        <p
          role="alert"
          className="rounded-md border border-accent bg-accent/5 p-3 text-sm"
          data-testid="language-warning"
        >
          Warning: {d.value.languageWarning}
        </p>
      ) : null}

      <div>
        <h2 className="mb-2 text-lg font-semibold">Reminders for the person</h2>
        {reg ? (
          <div className="mb-3 rounded-lg border border-line bg-white p-4 text-sm" data-testid="registration">
            <p>
              {reg.consent ? `Consent recorded on ${reg.consentDate}.` : "Consent withdrawn: nothing is sent."} In{" "}
              {languageName(reg.language)} by{" "}
              {reg.channel === "both" ? "SMS and email" : reg.channel === "sms" ? "SMS" : "email"}
              {reg.phone ? ` to ${reg.phone}` : ""}
              {reg.email ? ` / ${reg.email}` : ""}
              {reg.familyPhone || reg.familyEmail
                ? `; family contact ${[reg.familyPhone, reg.familyEmail].filter(Boolean).join(" / ")}`
                : ""}
              .
            </p>
            {reg.smsStoppedAt ? (
              <p className="mt-1 text-accent">
                The person replied STOP on {reg.smsStoppedAt.toISOString().slice(0, 10)}: no more SMS.
              </p>
            ) : null}
            {reg.familySmsStoppedAt ? (
              <p className="mt-1 text-accent">The family contact replied STOP: no more SMS to them.</p>
            ) : null}
            {reg.consent ? (
              <div className="mt-3">
                <WithdrawConsentForm campaignId={c.id} />
              </div>
            ) : null}
          </div>
        ) : (
          <p className="mb-3 text-sm text-muted">
            Not registered yet. You can register the person before any date is known.
          </p>
        )}
        <details open={!reg} className="rounded-lg border border-line bg-white p-4">
          <summary className="cursor-pointer font-medium">
            {reg ? "Change the reminder settings" : "Register for reminders"}
          </summary>
          <div className="mt-3">
            <RegistrationForm campaignId={c.id} languages={languageOptions()} values={reg ?? {}} />
          </div>
        </details>
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">Add an appointment</h2>
        <div className="rounded-lg border border-line bg-white p-4">
          <NewAppointmentForm campaignId={c.id} kinds={kindOptions} zones={zones} />
        </div>
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">Appointments</h2>
        {appointments.length === 0 ? <p className="text-sm text-muted">None yet.</p> : null}
        <ol className="space-y-4">
          {appointments.map((a) => (
            <AppointmentCard key={a.id} a={a} campaignId={c.id} zones={zones} />
          ))}
        </ol>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          <h2 className="mb-2 text-lg font-semibold">The person moved</h2>
          <div className="rounded-lg border border-line bg-white p-4">
            <AddressForm campaignId={c.id} />
          </div>
        </div>
        <div>
          <h2 className="mb-2 text-lg font-semibold">Open tasks</h2>
          {tasks.length === 0 ? <p className="text-sm text-muted">Nothing open.</p> : null}
          <ul className="space-y-2" data-testid="campaign-tasks">
            {tasks.map((t) => (
              <li
                key={t.id}
                className={`rounded-md border p-3 text-sm ${t.urgent ? "border-accent" : "border-line"} bg-white`}
              >
                <p className={t.urgent ? "font-semibold text-accent" : "font-medium"}>{t.label}</p>
                {t.dueOn ? <p className="text-muted">Due {t.dueOn}</p> : null}
                <div className="mt-2">
                  <DoneForm campaignId={c.id} taskId={t.id} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
