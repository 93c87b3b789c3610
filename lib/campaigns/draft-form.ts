/**
 * The lawyer's campaign form as one entry point: reads FormData, reports every
 * field problem at once (public and private), saves the draft, and submits it
 * for review when asked. A refused submission keeps the saved draft.
 */
import type { Db } from "@/db/client";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { caseFileSchema } from "@/lib/case-files/input";
import { AppError, isAppError } from "@/lib/errors";
import { formatUsd, parseUsd } from "@/lib/money";
import type { CaseFile } from "@/lib/case-files/input";
import { saveDraft, submitForReview } from "./authoring";
import { publicFieldsSchema } from "./public-input";

const CASE_FILE_KEYS = [
  "legalName",
  "aNumber",
  "dateOfBirth",
  "countryOfBirth",
  "facility",
  "bondSetBy",
  "bondType",
  "bondAmount",
  "bondOrderDate",
  "releaseAddress",
  "releasePhone",
  "consentPublication",
  "consentStory",
  "consentDate",
] as const;

export interface DraftFormOutcome {
  campaignId: string;
  warnings: string[];
  submitted: boolean;
  /** Why submission was refused (guard findings in details); the draft itself was saved. */
  submitError?: AppError;
}

const text = (fd: FormData, k: string) => String(fd.get(k) ?? "");

export function publicFromForm(fd: FormData) {
  return {
    alias: text(fd, "alias"),
    region: text(fd, "region"),
    summary: text(fd, "summary"),
    story: text(fd, "story"),
    detentionMonth: text(fd, "detentionMonth").trim() || null,
  };
}

function caseFileFromForm(fd: FormData, fieldErrors: Record<string, string>) {
  let bondAmountCents: number | undefined;
  try {
    bondAmountCents = parseUsd(text(fd, "bondAmount"), { field: "bond amount", allowZero: false });
  } catch (e) {
    if (!isAppError(e)) throw e;
    fieldErrors.bondAmount = e.message;
  }
  const { bondAmount: _omit, ...rest } = Object.fromEntries(CASE_FILE_KEYS.map((k) => [k, text(fd, k)]));
  return {
    ...rest,
    bondSetBy: rest.bondSetBy || undefined,
    bondType: rest.bondType || undefined,
    bondAmountCents: bondAmountCents ?? 1,
    consentPublication: fd.get("consentPublication") === "on",
    consentStory: fd.get("consentStory") === "on",
  };
}

export async function saveCampaignForm(db: Db, actor: Principal | null, fd: FormData): Promise<DraftFormOutcome> {
  const lawyer = requireRole(actor, "lawyer");
  const fieldErrors: Record<string, string> = {};
  const pub = publicFromForm(fd);
  const cf = caseFileFromForm(fd, fieldErrors);
  // Both parts are checked before saving so the lawyer sees every problem in one pass.
  for (const [schema, input] of [
    [publicFieldsSchema, pub],
    [caseFileSchema, cf],
  ] as const) {
    const res = schema.safeParse(input);
    if (res.success) continue;
    for (const issue of res.error.issues) {
      const key = String(issue.path[0] ?? "form").replace("bondAmountCents", "bondAmount");
      fieldErrors[key] ??= issue.message;
    }
  }
  if (Object.keys(fieldErrors).length)
    throw new AppError("validation", Object.values(fieldErrors).join(" "), { fieldErrors });

  const campaignId = text(fd, "campaignId") || undefined;
  const saved = await saveDraft(db, lawyer, { campaignId, public: pub, caseFile: cf });
  const warnings = [...saved.warnings];
  // Another lawyer's campaign with this A-number goes to the admin's queue, never to this lawyer (issue 11, finding 8).
  if (saved.ownDuplicateCampaignIds.length) {
    warnings.push(
      "Another of your campaigns has a case file with this A-number. Check that this is not a second campaign for the same person; the fund will ask before approving.",
    );
  }
  if (text(fd, "intent") !== "submit") return { campaignId: saved.campaignId, warnings, submitted: false };
  try {
    await submitForReview(db, lawyer, saved.campaignId);
    return { campaignId: saved.campaignId, warnings, submitted: true };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { campaignId: saved.campaignId, warnings, submitted: false, submitError: e };
  }
}

/** A saved case file as the form's initial values (the amount back in dollars). */
export function caseFileFormValues(cf: CaseFile | null): Record<string, string | boolean> {
  if (!cf) return {};
  const { bondAmountCents, ...rest } = cf;
  return { ...rest, bondAmount: formatUsd(bondAmountCents).replace("$", "") };
}
