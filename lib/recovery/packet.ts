/**
 * The refund-claim packet (DOMAIN.md step 4): a cover letter to ICE's Debt
 * Management Center, Bond Unit, with the bond and I-305 numbers, the obligor
 * and its address of record, and the checklist of what goes in the envelope.
 * And, for a refund long overdue, a draft FOIA request. Treasurers only; each
 * generation is audit-logged (the PDF holds the obligor's data).
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bonds, refundClaims } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { isoDay } from "@/lib/dates";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatUsd } from "@/lib/money";
import { formatAddress } from "@/lib/obligors/input";
import { bondObligorView } from "@/lib/obligors/store";
import { renderPdf } from "./pdf";

/** ICE's Debt Management Center, Bond Unit (check the I-391: ICE states the address to use on it). */
const DMC_ADDRESS = [
  "U.S. Immigration and Customs Enforcement",
  "Debt Management Center, Attn: Bond Unit",
  "P.O. Box 5000",
  "Williston, VT 05495-5000",
];

async function claimContext(db: Db, actor: Principal | null, bondId: string, need: "cancelled" | "overdue") {
  const me = requireRole(actor, "treasurer");
  const [b] = await db.select().from(bonds).where(eq(bonds.id, bondId));
  if (!b) throw new AppError("not_found", "No bond with that id.");
  const ok = need === "cancelled" ? ["cancelled", "refund_claimed"] : ["refund_claimed"];
  if (!ok.includes(b.status))
    throw new AppError(
      "conflict",
      need === "cancelled"
        ? `The refund-claim packet needs the I-391 first: this bond is ${b.status.replace("_", " ")}.`
        : `A FOIA request is drafted for a claimed refund that is late: this bond is ${b.status.replace("_", " ")}.`,
    );
  const obligor = (await bondObligorView(db, me, bondId)).current;
  if (!obligor)
    throw new AppError("conflict", "This bond has no obligor of record: record it on the bond page (Obligor) first.");
  return { me, b, obligor };
}

export async function refundClaimPacket(db: Db, actor: Principal | null, bondId: string): Promise<Uint8Array> {
  const { me, b, obligor } = await claimContext(db, actor, bondId, "cancelled");
  const fund = env().FUND_NAME;
  const o = obligor.secret;
  const signer = o.representative || o.name;
  const pdf = await renderPdf(`Refund claim, bond ${b.i305Number}`, [
    { text: `${o.name}\n${formatAddress(obligor.current)}`, gap: 14 },
    { text: isoDay(now()), gap: 14 },
    { text: DMC_ADDRESS.join("\n"), gap: 14 },
    { text: `Re: Request for refund of cancelled immigration bond`, bold: true },
    {
      text: `Bond receipt (Form I-305) number: ${b.i305Number}\nBond amount: ${formatUsd(b.amountCents)}\nBond posted on: ${b.postedOn}\nCancellation (Form I-391) dated: ${b.i391On}\nOpenBond bond reference: ${b.id}`,
      gap: 14,
    },
    {
      text: `Dear Bond Unit,\n\nThe bond above was cancelled by Form I-391. As its obligor, ${o.name} asks that the principal be refunded with the interest due under 8 CFR 293, payable to the obligor at the address of record above. Please write to that address, or to ${o.cebondsEmail}${o.emailConsent ? " (the obligor consented to service by email)" : ""}, with any question.`,
      gap: 14,
    },
    { text: "Enclosed:", bold: true },
    {
      checklist: [
        "Form I-391, Notice — Immigration Bond Cancelled (the original, or a copy).",
        "The original Form I-305, Receipt for Immigration Bond, signed by the obligor. If it is lost: Form I-395, Affidavit in Lieu of Lost Receipt of United States Immigration Officer, signed before a notary.",
        "Form I-312, Designation of Attorney in Fact, only when someone other than the obligor will receive the refund.",
        "A copy of the obligor's photo identification (or, for the fund, its authorised representative's).",
      ],
    },
    { text: `Sincerely,\n\n\n${signer}\n${o.representative ? `for ${o.name}` : ""}`, gap: 14 },
    { text: `Prepared with OpenBond for ${fund}. Keep a copy of everything mailed and the tracking number.`, size: 8 },
  ]);
  await db
    .insert(refundClaims)
    .values({ bondId, packetGeneratedAt: new Date(), updatedBy: me.userId })
    .onConflictDoUpdate({
      target: refundClaims.bondId,
      set: { packetGeneratedAt: new Date(), updatedBy: me.userId, updatedAt: new Date() },
    });
  await audit(db, {
    actorUserId: me.userId,
    action: "recovery.packet_generated",
    subjectType: "bond",
    subjectId: bondId,
  });
  return pdf;
}

export async function foiaRequestDraft(db: Db, actor: Principal | null, bondId: string): Promise<Uint8Array> {
  const { me, b, obligor } = await claimContext(db, actor, bondId, "overdue");
  const o = obligor.secret;
  const pdf = await renderPdf(`FOIA request draft, bond ${b.i305Number}`, [
    { text: "DRAFT — review before sending", bold: true, size: 13 },
    { text: `${o.name}\n${formatAddress(obligor.current)}`, gap: 14 },
    {
      text: "U.S. Immigration and Customs Enforcement\nFreedom of Information Act Office\n500 12th Street SW, Stop 5009\nWashington, DC 20536-5009",
      gap: 14,
    },
    { text: "Re: Freedom of Information Act request — status of an immigration bond refund", bold: true },
    {
      text: `Under the Freedom of Information Act, 5 U.S.C. 552, ${o.name}, the obligor, requests all records about immigration bond receipt (Form I-305) number ${b.i305Number}, amount ${formatUsd(b.amountCents)}, posted on ${b.postedOn} and cancelled by Form I-391 dated ${b.i391On}: its cancellation, the refund claim mailed on ${b.refundClaimedOn}, any refund or interest computation, any payment issued, returned or transferred to the Treasury as unclaimed, and the address ICE holds for the obligor.`,
      gap: 14,
    },
    {
      text: "I agree to pay fees up to $25; please tell me first if they will be higher. Electronic records are preferred.",
      gap: 14,
    },
    { text: `Sincerely,\n\n\n${o.representative || o.name}`, gap: 14 },
  ]);
  await audit(db, { actorUserId: me.userId, action: "recovery.foia_drafted", subjectType: "bond", subjectId: bondId });
  return pdf;
}
