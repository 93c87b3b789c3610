/**
 * A breached bond is forfeited: inside the appeal window only with a stated reason (audited);
 * written off against the allowance as far as it reaches, the rest a loss; the campaign closes.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Principal } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { postForfeiture } from "@/lib/recovery/allowance-entries";
import { appealDaysFor } from "@/lib/notices/deadlines";
import { i323ServedBy, resolveDeadlines } from "@/lib/notices/resolve";
import { appealWindow } from "./appeal-window";
import { applyTransition, staffDate, type BondRow } from "./bond-row";
import { staffReason } from "./staff-reason";

export async function forfeitStep(
  tx: Db,
  bond: BondRow,
  input: unknown,
  me: Principal,
): Promise<Record<string, number | string | null>> {
  const p = parseOrThrow(
    z.object({
      forfeitedOn: staffDate("Forfeiture date", { value: bond.i323On, name: "I-323 date" }),
      noAppeal: z.boolean().default(false),
      noAppealReason: z.string().default(""),
    }),
    input,
  );
  // Inside the appeal window (30 days, 33 when the I-323 was mailed) a forfeiture gives up the appeal: it
  // must be said, with a reason, for the audit log.
  const days = appealDaysFor(await i323ServedBy(tx, bond.id), env().BOND_APPEAL_DAYS);
  const w = bond.status === "breached" && bond.i323On ? appealWindow(bond.i323On, new Date(), days) : null;
  if (w?.open) {
    if (!p.noAppeal)
      throw new AppError(
        "validation",
        `The appeal window is open until ${w.deadline} (${w.daysLeft} day(s) left). To forfeit now, confirm that no appeal will be filed and say why.`,
        { fieldErrors: { noAppeal: "Confirm that no appeal will be filed, or record the appeal instead." } },
      );
    const reason = parseOrThrow(z.object({ noAppealReason: staffReason("giving up the appeal") }), p).noAppealReason;
    await audit(tx, {
      actorUserId: me.userId,
      action: "bond.forfeit_without_appeal",
      subjectType: "bond",
      subjectId: bond.id,
      details: { reason, appealDeadline: w.deadline, daysLeft: w.daysLeft },
    });
  }
  await applyTransition(tx, bond, "forfeit", { forfeitedOn: p.forfeitedOn });
  await resolveDeadlines(tx, bond.id, ["appeal_i290b", "deliver_person"]);
  // Written off against the allowance as far as it reaches; the rest is a loss now (lib/ledger/entries/write-off.ts).
  await postForfeiture(tx, bond, new Date(`${p.forfeitedOn}T12:00:00Z`));
  await tx.update(campaigns).set({ status: "closed", updatedAt: new Date() }).where(eq(campaigns.id, bond.campaignId));
  return {};
}
