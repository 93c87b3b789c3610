"use server";
/** The admin home's action: verify or reject a lawyer. The lib requires the admin role. */
import { redirect } from "next/navigation";
import { z } from "zod";
import { reviewLawyer } from "@/lib/lawyers/profiles";
import { validatedAction } from "@/lib/forms/validated-action";

const review = z.object({ decision: z.string().optional(), reason: z.string().optional() });

export const reviewLawyerAction = validatedAction(
  review,
  async (f, { me, db }, userId: string) => {
    const decision = f.decision === "verify" ? "verify" : "reject";
    await reviewLawyer(db, me, { userId, decision, reason: f.reason ?? "" });
    redirect(`/admin?done=lawyer_${decision}`);
  },
  { errorField: (f) => (f.decision === "verify" ? undefined : "reason") },
);
