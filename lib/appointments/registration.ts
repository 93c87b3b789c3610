/**
 * Registering a person for reminders (possible before any date is known): contacts, language,
 * channel and the recorded consent, encrypted; a STOP by SMS is kept across edits.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reminderRegistrations } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/clock";
import { languageWarning } from "@/lib/reminders/messages";
import { syncReminderJobs } from "@/lib/reminders/sync";
import { phoneHash, requireCaseAccess, seal, unseal } from "./access";
import { fieldErrorsOf, registrationSchema, type Registration } from "./input";

const registrationAad = (campaignId: string) => `reminder_registration:${campaignId}`;

export interface StoredRegistration extends Registration {
  smsStoppedAt: Date | null;
  familySmsStoppedAt: Date | null;
}

/** Decrypt without an access check or audit entry: for the scheduler and callers that already checked and audited. */
export async function loadRegistration(db: Db, campaignId: string): Promise<StoredRegistration | null> {
  const [row] = await db.select().from(reminderRegistrations).where(eq(reminderRegistrations.campaignId, campaignId));
  if (!row) return null;
  return {
    ...unseal<Registration>(row.envelope, registrationAad(campaignId)),
    smsStoppedAt: row.smsStoppedAt,
    familySmsStoppedAt: row.familySmsStoppedAt,
  };
}

export async function saveRegistration(
  db: Db,
  actor: Principal | null,
  campaignId: string,
  raw: Record<string, unknown>,
): Promise<{ warnings: string[] }> {
  const { me } = await requireCaseAccess(db, actor, campaignId, "write");
  const parsed = registrationSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("validation", "Nothing was saved: correct the fields marked below.", {
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  }
  const r = parsed.data;
  await db.transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(reminderRegistrations)
      .where(eq(reminderRegistrations.campaignId, campaignId))
      .for("update");
    const before = old ? unseal<Registration>(old.envelope, registrationAad(campaignId)) : null;
    // A STOP belongs to the number: a new number starts without one, the same number keeps it.
    const values = {
      envelope: seal(r, registrationAad(campaignId)),
      consent: r.consent,
      channel: r.channel,
      phoneHash: r.phone ? phoneHash(r.phone) : null,
      familyPhoneHash: r.familyPhone ? phoneHash(r.familyPhone) : null,
      smsStoppedAt: before && before.phone === r.phone ? (old?.smsStoppedAt ?? null) : null,
      familySmsStoppedAt: before && before.familyPhone === r.familyPhone ? (old?.familySmsStoppedAt ?? null) : null,
      updatedBy: me.userId,
      updatedAt: new Date(),
    };
    await tx
      .insert(reminderRegistrations)
      .values({ campaignId, ...values })
      .onConflictDoUpdate({ target: reminderRegistrations.campaignId, set: values });
    await audit(tx, {
      actorUserId: me.userId,
      action: "reminder_registration.written",
      subjectType: "campaign",
      subjectId: campaignId,
      details: { channel: r.channel, family: Boolean(r.familyPhone || r.familyEmail) },
    });
    await syncReminderJobs(tx, campaignId, now());
  });
  const warnings: string[] = [];
  const lw = languageWarning(r.language);
  if (lw) warnings.push(lw);
  return { warnings };
}

/** Withdrawn consent: nothing more is sent; pending reminders are cancelled. */
export async function withdrawConsent(db: Db, actor: Principal | null, campaignId: string): Promise<void> {
  const { me } = await requireCaseAccess(db, actor, campaignId, "write");
  await db.transaction(async (tx) => {
    const reg = await loadRegistration(tx, campaignId);
    if (!reg) throw new AppError("not_found", "This person is not registered for reminders.");
    const next = { ...reg, consent: false };
    await tx
      .update(reminderRegistrations)
      .set({
        envelope: seal(next, registrationAad(campaignId)),
        consent: false,
        updatedBy: me.userId,
        updatedAt: new Date(),
      })
      .where(eq(reminderRegistrations.campaignId, campaignId));
    await audit(tx, {
      actorUserId: me.userId,
      action: "reminder_registration.consent_withdrawn",
      subjectType: "campaign",
      subjectId: campaignId,
    });
    await syncReminderJobs(tx, campaignId, now());
  });
}
