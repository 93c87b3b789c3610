/** Lawyer onboarding: a profile anyone signed in may submit; a fund admin verifies (granting the lawyer role) or rejects with a reason. */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { lawyerProfiles, userRoles } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";

const lawyerProfileSchema = z.object({
  fullName: z.string().trim().min(2, "Full name is required.").max(120),
  barNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{3,20}$/, "Bar number must be 3–20 letters, digits or dashes."),
  barState: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Bar state must be a two-letter state code, like NY."),
  eoirId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4,12}$/, "EOIR ID must be 4–12 letters or digits."),
  firm: z.string().trim().max(160).default(""),
});

export async function submitLawyerProfile(db: Db, actor: Principal | null, input: unknown): Promise<void> {
  const me = requireRole(actor);
  const p = parseOrThrow(lawyerProfileSchema, input);
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ status: lawyerProfiles.status })
      .from(lawyerProfiles)
      .where(eq(lawyerProfiles.userId, me.userId));
    if (existing?.status === "verified")
      throw new AppError("conflict", "Your profile is already verified; contact the fund to change it.");
    await tx
      .insert(lawyerProfiles)
      .values({ userId: me.userId, ...p })
      .onConflictDoUpdate({
        target: lawyerProfiles.userId,
        set: { ...p, status: "pending", rejectionReason: null, updatedAt: new Date() },
      });
    await audit(tx, {
      actorUserId: me.userId,
      action: "lawyer.profile_submitted",
      subjectType: "user",
      subjectId: me.userId,
    });
  });
}

export async function reviewLawyer(
  db: Db,
  actor: Principal | null,
  input: { userId: string; decision: "verify" | "reject"; reason?: string },
): Promise<void> {
  const admin = requireRole(actor, "admin");
  const reason = input.reason?.trim() ?? "";
  if (input.decision === "reject" && reason.length < 5)
    throw new AppError("validation", "Give the lawyer a reason for the rejection (at least 5 characters).");
  await db.transaction(async (tx) => {
    const [profile] = await tx
      .select({ status: lawyerProfiles.status })
      .from(lawyerProfiles)
      .where(eq(lawyerProfiles.userId, input.userId));
    if (!profile) throw new AppError("not_found", `No lawyer profile for user ${input.userId}.`);
    const verified = input.decision === "verify";
    await tx
      .update(lawyerProfiles)
      .set({
        status: verified ? "verified" : "rejected",
        rejectionReason: verified ? null : reason,
        reviewedBy: admin.userId,
        reviewedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(lawyerProfiles.userId, input.userId));
    if (verified) {
      await tx
        .insert(userRoles)
        .values({ userId: input.userId, role: "lawyer", grantedBy: admin.userId })
        .onConflictDoNothing();
    } else {
      await tx.delete(userRoles).where(and(eq(userRoles.userId, input.userId), eq(userRoles.role, "lawyer")));
    }
    await audit(tx, {
      actorUserId: admin.userId,
      action: verified ? "lawyer.verified" : "lawyer.rejected",
      subjectType: "user",
      subjectId: input.userId,
    });
  });
}
