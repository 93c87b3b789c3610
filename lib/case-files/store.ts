/**
 * Reading and writing case files: encrypted with the campaign id as associated
 * data, every read and write audit-logged, readable only by the lawyer of
 * record, treasurers and admins.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, caseFiles } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { aNumberHash, decryptJson, encryptJson } from "@/lib/privacy/case-file-crypto";
import type { CaseFileIdentifiers } from "@/lib/privacy/types";
import type { CaseFile } from "./input";
import { caseFileKeys } from "./keys";

export type ReadPurpose = "lawyer_edit" | "privacy_review" | "bond_payment" | "pii_guard";

export async function writeCaseFile(
  tx: Db,
  campaignId: string,
  data: CaseFile,
  actor: Principal,
): Promise<{ duplicateCampaignIds: string[]; ownDuplicateCampaignIds: string[] }> {
  const { keyring, hmac } = caseFileKeys();
  const envelope = encryptJson(data, keyring, campaignId);
  const hash = aNumberHash(data.aNumber, hmac);
  await tx
    .insert(caseFiles)
    .values({ campaignId, envelope, aNumberHash: hash, updatedBy: actor.userId })
    .onConflictDoUpdate({
      target: caseFiles.campaignId,
      set: { envelope, aNumberHash: hash, updatedBy: actor.userId, updatedAt: new Date() },
    });
  await audit(tx, {
    actorUserId: actor.userId,
    action: "case_file.written",
    subjectType: "campaign",
    subjectId: campaignId,
  });
  const dupes = await tx
    .select({ id: caseFiles.campaignId, lawyer: campaigns.lawyerUserId })
    .from(caseFiles)
    .innerJoin(campaigns, eq(campaigns.id, caseFiles.campaignId))
    .where(and(eq(caseFiles.aNumberHash, hash), ne(caseFiles.campaignId, campaignId)));
  // Only the author's own campaigns may be named to the author: another lawyer's would tell them
  // the person is already a client (issue 11, finding 8). Admins see every pair (lib/admin/duplicates).
  return {
    duplicateCampaignIds: dupes.map((d) => d.id),
    ownDuplicateCampaignIds: dupes.filter((d) => d.lawyer === actor.userId).map((d) => d.id),
  };
}

/** Decrypt a case file for someone allowed to see it, recording why. */
export async function readCaseFile(
  db: Db,
  campaignId: string,
  actor: Principal,
  purpose: ReadPurpose,
): Promise<CaseFile | null> {
  const [row] = await db
    .select({ envelope: caseFiles.envelope, lawyer: campaigns.lawyerUserId })
    .from(caseFiles)
    .innerJoin(campaigns, eq(campaigns.id, caseFiles.campaignId))
    .where(eq(caseFiles.campaignId, campaignId));
  if (!row) return null;
  const staff = actor.roles.includes("admin") || actor.roles.includes("treasurer");
  const lawyerOfRecord = actor.roles.includes("lawyer") && row.lawyer === actor.userId;
  if (!staff && !lawyerOfRecord) {
    await audit(db, {
      actorUserId: actor.userId,
      action: "case_file.read_refused",
      subjectType: "campaign",
      subjectId: campaignId,
      details: { purpose },
    });
    throw new AppError("forbidden", "You cannot see this case file.");
  }
  const data = decryptJson<CaseFile>(row.envelope, caseFileKeys().keyring, campaignId);
  await audit(db, {
    actorUserId: actor.userId,
    action: "case_file.read",
    subjectType: "campaign",
    subjectId: campaignId,
    details: { purpose },
  });
  return data;
}

export function identifiersOf(cf: CaseFile): CaseFileIdentifiers {
  return {
    legalName: cf.legalName,
    aNumber: cf.aNumber,
    dateOfBirth: cf.dateOfBirth,
    phone: cf.releasePhone || undefined,
    address: cf.releaseAddress || undefined,
    countryOfBirth: cf.countryOfBirth,
    facility: cf.facility,
  };
}
