/** What the lawyer's appointments page shows: the registration, each appointment with its history and each reminder's status. */
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  appointments,
  appointmentVersions,
  reminderJobs,
  type AppointmentKind,
  type AppointmentStatus,
} from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Principal } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { appointmentStart } from "@/lib/reminders/schedule";
import { appointmentAad } from "@/lib/reminders/sync";
import { languageWarning } from "@/lib/reminders/messages";
import { requireCaseAccess, unseal, type CaseCampaign } from "./access";
import type { AppointmentDetails } from "./input";
import { loadRegistration, type StoredRegistration } from "./registration";

export interface ReminderLine {
  id: string;
  kind: "reminder" | "correction" | "cancellation";
  offsetKey: string;
  recipient: "person" | "family";
  channel: "sms" | "email";
  version: number;
  dueAt: Date;
  status: string;
  deliveryStatus: string | null;
  sentAt: Date | null;
  note: string | null;
}

export interface AppointmentView {
  id: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  version: number;
  details: AppointmentDetails;
  startsAt: Date;
  begun: boolean;
  history: { version: number; change: string; details: AppointmentDetails; at: Date }[];
  reminders: ReminderLine[];
}

export interface AppointmentsPage {
  campaign: CaseCampaign;
  registration: StoredRegistration | null;
  languageWarning: string | null;
  appointments: AppointmentView[];
}

export async function appointmentsPage(db: Db, actor: Principal | null, campaignId: string): Promise<AppointmentsPage> {
  const { me, campaign } = await requireCaseAccess(db, actor, campaignId, "read");
  const registration = await loadRegistration(db, campaignId);
  const rows = await db.select().from(appointments).where(eq(appointments.campaignId, campaignId));
  const at = now();
  const list: AppointmentView[] = [];
  for (const a of rows) {
    const details = unseal<AppointmentDetails>(a.envelope, appointmentAad(a.id, a.version));
    const versions = await db
      .select()
      .from(appointmentVersions)
      .where(eq(appointmentVersions.appointmentId, a.id))
      .orderBy(asc(appointmentVersions.version));
    const jobs = await db
      .select()
      .from(reminderJobs)
      .where(eq(reminderJobs.appointmentId, a.id))
      .orderBy(asc(reminderJobs.dueAt), asc(reminderJobs.recipient), asc(reminderJobs.channel));
    const startsAt = appointmentStart(details);
    list.push({
      id: a.id,
      kind: a.kind,
      status: a.status,
      version: a.version,
      details,
      startsAt,
      begun: startsAt.getTime() <= at.getTime(),
      history: versions.map((v) => ({
        version: v.version,
        change: v.change,
        details: unseal<AppointmentDetails>(v.envelope, appointmentAad(a.id, v.version)),
        at: v.createdAt,
      })),
      reminders: jobs.map((j) => ({
        id: j.id,
        kind: j.kind,
        offsetKey: j.offsetKey,
        recipient: j.recipient,
        channel: j.channel,
        version: j.version,
        dueAt: j.dueAt,
        status: j.status,
        deliveryStatus: j.deliveryStatus,
        sentAt: j.sentAt,
        note: j.lastError,
      })),
    });
  }
  // Upcoming first (soonest at the top), then the past, most recent first.
  list.sort((x, y) =>
    x.begun === y.begun
      ? x.begun
        ? y.startsAt.getTime() - x.startsAt.getTime()
        : x.startsAt.getTime() - y.startsAt.getTime()
      : x.begun
        ? 1
        : -1,
  );
  await audit(db, {
    actorUserId: me.userId,
    action: "appointments.read",
    subjectType: "campaign",
    subjectId: campaignId,
    details: { appointments: list.length },
  });
  return {
    campaign,
    registration,
    languageWarning: registration ? languageWarning(registration.language) : null,
    appointments: list,
  };
}
