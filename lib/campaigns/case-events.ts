/** Case events a lawyer records on their campaign: bond redetermined, paused for a stay or appeal, resumed, released, cancelled. */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { campaignEvents, campaignGoalVersions, campaigns } from "@/db/schema";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError, isAppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { guardAgainstCaseFile, ownedCampaign } from "./authoring";

/** The guard checks the note as if it were a story; its findings belong to the form's note field. */
async function guardNote(tx: Db, lawyer: Principal, campaignId: string, note: string) {
  try {
    await guardAgainstCaseFile(tx, lawyer, campaignId, { alias: "", region: "", summary: "", story: note });
  } catch (e) {
    const findings = isAppError(e) ? e.details?.findings : undefined;
    if (!Array.isArray(findings)) throw e;
    const messages = (findings as { message: string }[])
      .map((f) => f.message.replace(/^Story\b/, "The note"))
      .join(" ");
    throw new AppError("validation", messages, { fieldErrors: { note: messages } });
  }
}

/** docs/domain.md ("Campaigns"): why a campaign can lose its purpose before the bond is paid. */
export const CANCEL_REASONS = [
  "deported",
  "released_without_bond",
  "bond_cancelled_by_court",
  "family_paid",
  "death",
  "other",
] as const;

const eventSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("goal_changed"),
    goalCents: z.number().int().positive("The new bond amount must be more than zero.").max(1_000_000_00),
    note: z.string().trim().min(3, "Say why the bond amount changed.").max(500),
  }),
  z.object({
    kind: z.literal("paused"),
    reasonCode: z.enum(["stay", "appeal", "other"], { error: "Choose why the campaign is paused." }),
    note: z.string().trim().max(500).default(""),
  }),
  z.object({ kind: z.literal("resumed"), note: z.string().trim().max(500).default("") }),
  z.object({ kind: z.literal("released"), note: z.string().trim().max(500).default("") }),
  z.object({
    kind: z.literal("cancelled"),
    reasonCode: z.enum(CANCEL_REASONS, { error: "Choose why the campaign is cancelled." }),
    note: z.string().trim().max(500).default(""),
  }),
]);

const NEXT_STATUS = { paused: "paused", resumed: "live", cancelled: "cancelled" } as const;

export async function recordCaseEvent(
  db: Db,
  actor: Principal | null,
  campaignId: string,
  input: unknown,
): Promise<void> {
  const lawyer = requireRole(actor, "lawyer");
  const ev = parseOrThrow(eventSchema, input);
  await db.transaction(async (tx) => {
    const allowed = {
      goal_changed: ["draft", "live", "funded", "paused"],
      paused: ["live", "funded"],
      resumed: ["paused"],
      released: ["bond_posted", "live", "funded", "paused"],
      cancelled: ["draft", "live", "funded", "paused", "in_review"],
    } as const;
    await ownedCampaign(tx, lawyer, campaignId, [...allowed[ev.kind]]);
    // Notes are read by several staff and may end up in exports: keep case-file values out of them too.
    if (ev.note) await guardNote(tx, lawyer, campaignId, ev.note);
    if (ev.kind === "goal_changed") {
      await tx
        .update(campaigns)
        .set({ goalCents: ev.goalCents, updatedAt: new Date() })
        .where(eq(campaigns.id, campaignId));
      await tx
        .insert(campaignGoalVersions)
        .values({ campaignId, goalCents: ev.goalCents, reason: ev.note, actorUserId: lawyer.userId });
    } else if (ev.kind in NEXT_STATUS) {
      await tx
        .update(campaigns)
        .set({ status: NEXT_STATUS[ev.kind as keyof typeof NEXT_STATUS], updatedAt: new Date() })
        .where(eq(campaigns.id, campaignId));
    }
    await tx.insert(campaignEvents).values({
      campaignId,
      kind: ev.kind,
      reasonCode: "reasonCode" in ev ? ev.reasonCode : null,
      note: ev.note,
      actorUserId: lawyer.userId,
      details: ev.kind === "goal_changed" ? { goalCents: ev.goalCents } : {},
    });
  });
}
