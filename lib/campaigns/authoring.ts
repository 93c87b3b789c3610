/**
 * A lawyer's side of a campaign: drafts (public fields + encrypted case file),
 * submission through the PII guard, public edits of a live campaign (which wait
 * for review while the approved text stays up).
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { campaignEvents, campaignGoalVersions, campaigns } from "@/db/schema";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { bondWarnings, caseFileSchema, type CaseFile } from "@/lib/case-files/input";
import { identifiersOf, readCaseFile, writeCaseFile } from "@/lib/case-files/store";
import { AppError } from "@/lib/errors";
import { checkPublicText } from "@/lib/privacy/pii-guard";
import type { GuardResult } from "@/lib/privacy/types";
import { parseOrThrow } from "@/lib/validation";
import { guardFields, publicFieldsSchema } from "./public-input";

export interface DraftResult {
  campaignId: string;
  warnings: string[];
  /** Other campaigns whose case file has the same A-number (a second campaign for one person). Never shown to the lawyer. */
  duplicateCampaignIds: string[];
  /** The subset that belongs to the same lawyer: the only ones the lawyer may be told about. */
  ownDuplicateCampaignIds: string[];
}

const draftSchema = z.object({
  campaignId: z.uuid().optional(),
  public: z.unknown(),
  caseFile: z.unknown(),
  deductible: z.boolean().default(false),
});

export async function saveDraft(db: Db, actor: Principal | null, input: unknown): Promise<DraftResult> {
  const lawyer = requireRole(actor, "lawyer");
  const { campaignId, deductible, ...raw } = parseOrThrow(draftSchema, input);
  const pub = parseOrThrow(publicFieldsSchema, raw.public);
  const cf = parseOrThrow(caseFileSchema, raw.caseFile);
  // Even a draft's public text is stored in the clear, so it must not hold case-file values either.
  refuseCaseFileValues(guardFields(pub), cf);
  return db.transaction(async (tx) => {
    let id = campaignId;
    if (id) {
      await ownedCampaign(tx, lawyer, id, ["draft"]);
      await tx
        .update(campaigns)
        .set({ ...pub, goalCents: cf.bondAmountCents, deductible, updatedAt: new Date() })
        .where(eq(campaigns.id, id));
    } else {
      const slug = `${slugify(pub.alias)}-${randomBytes(3).toString("hex")}`;
      const [row] = await tx
        .insert(campaigns)
        .values({
          ...pub,
          slug,
          goalCents: cf.bondAmountCents,
          deductible,
          status: "draft",
          lawyerUserId: lawyer.userId,
        })
        .returning({ id: campaigns.id });
      id = row!.id;
      await tx.insert(campaignGoalVersions).values({
        campaignId: id,
        goalCents: cf.bondAmountCents,
        reason: "initial bond order",
        actorUserId: lawyer.userId,
      });
    }
    const dupes = await writeCaseFile(tx, id, cf, lawyer);
    return { campaignId: id, warnings: bondWarnings(cf), ...dupes };
  });
}

/** Run the guard against the case file; blocked findings refuse with every message (never the text). */
export async function guardAgainstCaseFile(
  db: Db,
  actor: Principal,
  campaignId: string,
  pub: Parameters<typeof guardFields>[0],
): Promise<GuardResult> {
  return guardTextsAgainstCaseFile(db, actor, campaignId, guardFields(pub));
}

/** The same, for any public texts keyed by the label the guard's messages name (an update's "English update"). */
export async function guardTextsAgainstCaseFile(
  db: Db,
  actor: Principal,
  campaignId: string,
  fields: Record<string, string>,
): Promise<GuardResult> {
  const cf = await readCaseFile(db, campaignId, actor, "pii_guard");
  if (!cf) throw new AppError("validation", "Complete the private case file before submitting.");
  return refuseCaseFileValues(fields, cf);
}

/** The guard's verdict; blocked findings refuse with every message (never the text). */
function refuseCaseFileValues(fields: Record<string, string>, cf: CaseFile): GuardResult {
  const result = checkPublicText(fields, identifiersOf(cf));
  if (result.blocked.length) {
    throw new AppError("validation", result.blocked.map((f) => f.message).join(" "), {
      findings: result.blocked.map((f) => ({ field: f.field, kind: f.kind, message: f.message })),
    });
  }
  return result;
}

/** What the reviewer is shown of the guard's flags: field, kind and message, never the text. */
export function flagsOf(result: GuardResult): { field: string; kind: string; message: string }[] {
  return result.flagged.map((f) => ({ field: f.field, kind: f.kind, message: f.message }));
}

export async function submitForReview(db: Db, actor: Principal | null, campaignId: string): Promise<{ flags: number }> {
  const lawyer = requireRole(actor, "lawyer");
  return db.transaction(async (tx) => {
    const c = await ownedCampaign(tx, lawyer, campaignId, ["draft"]);
    const flags = flagsOf(await guardAgainstCaseFile(tx, lawyer, campaignId, c));
    await tx
      .update(campaigns)
      .set({ status: "in_review", reviewFlags: flags, submittedAt: new Date(), updatedAt: new Date() })
      .where(eq(campaigns.id, campaignId));
    await tx
      .insert(campaignEvents)
      .values({ campaignId, kind: "submitted", actorUserId: lawyer.userId, details: { flags: flags.length } });
    return { flags: flags.length };
  });
}

/** Edits to a live campaign's public text wait in pendingPublic for privacy review. */
export async function proposePublicEdit(
  db: Db,
  actor: Principal | null,
  campaignId: string,
  input: unknown,
): Promise<{ flags: number }> {
  const lawyer = requireRole(actor, "lawyer");
  const pub = parseOrThrow(publicFieldsSchema, input);
  return db.transaction(async (tx) => {
    await ownedCampaign(tx, lawyer, campaignId, ["live", "funded", "paused", "bond_requested", "bond_posted"]);
    const flags = flagsOf(await guardAgainstCaseFile(tx, lawyer, campaignId, pub));
    await tx
      .update(campaigns)
      .set({ pendingPublic: pub, reviewFlags: flags, submittedAt: new Date() })
      .where(eq(campaigns.id, campaignId));
    await tx.insert(campaignEvents).values({
      campaignId,
      kind: "submitted",
      actorUserId: lawyer.userId,
      details: { edit: true, flags: flags.length },
    });
    return { flags: flags.length };
  });
}

type CampaignRow = typeof campaigns.$inferSelect;

/** The campaign, if this lawyer is its lawyer of record and it is in one of the allowed states. */
export async function ownedCampaign(
  tx: Db,
  lawyer: Principal,
  id: string,
  statuses: CampaignRow["status"][],
): Promise<CampaignRow> {
  const [c] = await tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.lawyerUserId, lawyer.userId)));
  // Another lawyer's campaign looks exactly like a missing one: no existence oracle.
  if (!c) throw new AppError("not_found", `Campaign ${id} was not found among your campaigns.`);
  if (!statuses.includes(c.status))
    throw new AppError("conflict", `Campaign ${id} is ${c.status.replace("_", " ")}; this change is not possible now.`);
  return c;
}

function slugify(s: string): string {
  return (
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "campaign"
  );
}
