/**
 * Who may see and change a person's appointments and reminder contacts: the lawyer of record and
 * the fund's treasurers (admins may read). Every refusal is audit-logged like a case-file refusal.
 */
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { caseFileKeys } from "@/lib/case-files/keys";
import { AppError } from "@/lib/errors";
import { decryptJson, encryptJson } from "@/lib/privacy/case-file-crypto";

export interface CaseCampaign {
  id: string;
  alias: string;
  status: string;
  lawyerUserId: string;
}

export async function requireCaseAccess(
  db: Db,
  actor: Principal | null,
  campaignId: string,
  mode: "read" | "write",
): Promise<{ me: Principal; campaign: CaseCampaign }> {
  const me = requireRole(actor, "lawyer", "treasurer", "admin");
  const [c] = await db
    .select({
      id: campaigns.id,
      alias: campaigns.alias,
      status: campaigns.status,
      lawyerUserId: campaigns.lawyerUserId,
    })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!c) throw new AppError("not_found", "No such campaign.");
  const lawyerOfRecord = me.roles.includes("lawyer") && c.lawyerUserId === me.userId;
  const allowed = lawyerOfRecord || me.roles.includes("treasurer") || (mode === "read" && me.roles.includes("admin"));
  if (!allowed) {
    await audit(db, {
      actorUserId: me.userId,
      action: "appointments.access_refused",
      subjectType: "campaign",
      subjectId: campaignId,
      details: { mode },
    });
    throw new AppError(
      "forbidden",
      "Only the lawyer of record and the fund's treasurers can see this person's appointments.",
    );
  }
  return { me, campaign: c as CaseCampaign };
}

/** Envelopes bound to their row by a purpose-prefixed associated-data string. */
export function seal(value: unknown, aad: string): string {
  return encryptJson(value, caseFileKeys().keyring, aad);
}

export function unseal<T>(envelope: string, aad: string): T {
  return decryptJson<T>(envelope, caseFileKeys().keyring, aad);
}

/** Keyed hash of an E.164 number, so an inbound STOP finds its registration without decrypting every row. */
export function phoneHash(e164: string): string {
  return createHmac("sha256", caseFileKeys().hmac).update(`phone:${e164}`, "utf8").digest("hex");
}
