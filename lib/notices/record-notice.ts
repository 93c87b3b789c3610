/**
 * A treasurer records a notice ICE served on the obligor, with its scan. The
 * notice must fit the bond's state; an I-323 on a posted bond records the
 * breach, an I-391 the cancellation (lib/bonds/lifecycle.ts does the move).
 * One transaction: a refusal writes nothing.
 */
import { createHmac, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bondNotices, NOTICE_FORMS, noticeScans, SERVICE_METHODS } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { lockBond, staffDate, type BondRow } from "@/lib/bonds/bond-row";
import { runBondStep } from "@/lib/bonds/lifecycle";
import { caseFileKeys } from "@/lib/case-files/keys";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { deadlineFor, type NoticeForm } from "./deadlines";
import { sealScan, sniffScan } from "./scan";
import { seal } from "./sealed";
import { isTimeZone } from "./zoned-time";

const schema = z
  .object({
    form: z.enum(NOTICE_FORMS, { error: "Choose which notice this is: I-340, I-323, I-391, I-305 or other." }),
    servedOn: staffDate("The date the notice was served"),
    servedBy: z.enum(SERVICE_METHODS, { error: "Say how the notice was served: mail, email or in person." }),
    deliveryDate: z.string().optional(),
    deliveryTime: z.string().optional(),
    timeZone: z.string().optional(),
    place: z.string().trim().max(300).optional(),
    note: z.string().trim().max(1000).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.form !== "I-340") return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.deliveryDate ?? ""))
      ctx.addIssue({
        code: "custom",
        path: ["deliveryDate"],
        message: "An I-340 needs the delivery date (YYYY-MM-DD).",
      });
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.deliveryTime ?? ""))
      ctx.addIssue({ code: "custom", path: ["deliveryTime"], message: "An I-340 needs the delivery time (HH:MM)." });
    if (!v.timeZone || !isTimeZone(v.timeZone))
      ctx.addIssue({
        code: "custom",
        path: ["timeZone"],
        message: "An I-340 needs the facility's time zone (for example America/Chicago).",
      });
    if (!v.place || v.place.length < 3)
      ctx.addIssue({ code: "custom", path: ["place"], message: "An I-340 needs the place of delivery." });
  });

/**
 * Which bond states each notice fits, and the lifecycle step it triggers from `posted`. Recording the
 * notice is the only way staff move a bond to breached or cancelled (or log an appearance demand):
 * the bond page has no separate forms for them, so every such move has its notice and deadline.
 */
const FITS: Record<NoticeForm, { states: BondRow["status"][]; step?: NoticeStep }> = {
  "I-340": { states: ["posted"], step: "appearance" },
  "I-323": { states: ["posted", "breached", "appealed"], step: "breach" },
  "I-391": { states: ["posted", "cancelled", "refund_claimed"], step: "cancel" },
  "I-305": { states: ["paid", "posted", "cancelled", "refund_claimed", "breached", "appealed"] },
  other: { states: ["paid", "posted", "cancelled", "refund_claimed", "refunded", "breached", "appealed", "forfeited"] },
};

type NoticeStep = "breach" | "cancel" | "appearance";

function stepInput(step: NoticeStep, p: z.infer<typeof schema>): Record<string, string> {
  if (step === "breach") return { i323On: p.servedOn };
  if (step === "cancel") return { i391On: p.servedOn };
  // The place stays sealed in the notice; the appearance row (plaintext) carries only the date.
  return { demandedFor: p.deliveryDate!, note: "" };
}

export interface ScanUpload {
  bytes: Uint8Array;
}

export async function recordNotice(
  db: Db,
  actor: Principal | null,
  bondId: string,
  input: unknown,
  scan: ScanUpload | null,
): Promise<{ noticeId: string; deadline: { kind: string; at: string } | null }> {
  const me = requireRole(actor, "treasurer");
  const p = parseOrThrow(schema, input);
  const mime = scan ? sniffScan(scan.bytes) : null;
  const e = env();
  const deadline = deadlineFor(
    {
      form: p.form,
      servedOn: p.servedOn,
      servedBy: p.servedBy,
      delivery:
        p.form === "I-340" ? { date: p.deliveryDate!, time: p.deliveryTime!, timeZone: p.timeZone! } : undefined,
    },
    { appealDays: e.BOND_APPEAL_DAYS, refundClaimDays: e.BOND_REFUND_CLAIM_DAYS, fundTimeZone: e.FUND_TIME_ZONE },
  );
  if (p.form === "I-340" && deadline!.at.getTime() <= now().getTime())
    throw new AppError(
      "validation",
      "The I-340 delivery date and time have already passed. Record it only if ICE set a new date; otherwise call the lawyer now.",
    );
  const details = {
    place: p.place ?? null,
    deliveryDate: p.deliveryDate ?? null,
    deliveryTime: p.deliveryTime ?? null,
    timeZone: p.timeZone ?? null,
    note: p.note,
  };
  const dedupeHash = createHmac("sha256", caseFileKeys().hmac)
    .update(
      JSON.stringify([
        bondId,
        p.form,
        p.servedOn,
        p.servedBy,
        details.place,
        details.deliveryDate,
        details.deliveryTime,
      ]),
    )
    .digest("hex");

  return db.transaction(async (tx) => {
    const bond = await lockBond(tx, bondId);
    const fit = FITS[p.form];
    if (!fit.states.includes(bond.status))
      throw new AppError(
        "conflict",
        `An ${p.form} notice does not fit a bond that is ${bond.status.replace("_", " ")} (it fits a bond that is ${fit.states.join(", ").replace(/_/g, " ")}).`,
      );
    const [dup] = await tx
      .select({ id: bondNotices.id })
      .from(bondNotices)
      .where(eq(bondNotices.dedupeHash, dedupeHash));
    if (dup)
      throw new AppError("conflict", `This ${p.form} notice is already recorded on this bond; nothing was added.`);
    if (fit.step && bond.status === "posted") {
      if (p.servedOn < (bond.postedOn ?? ""))
        throw new AppError(
          "validation",
          `The served date cannot be before the bond's posting date (${bond.postedOn}).`,
        );
      await runBondStep(tx, bond, fit.step, stepInput(fit.step, p), me);
    }
    const id = randomUUID();
    await tx.insert(bondNotices).values({
      id,
      bondId,
      form: p.form,
      servedOn: p.servedOn,
      servedBy: p.servedBy,
      envelope: seal("notice", id, details),
      deadlineKind: deadline?.kind ?? null,
      deadlineAt: deadline?.at ?? null,
      dedupeHash,
      createdBy: me.userId,
    });
    if (scan && mime)
      await tx
        .insert(noticeScans)
        .values({ noticeId: id, mime, sizeBytes: scan.bytes.length, envelope: sealScan(id, scan.bytes) });
    await audit(tx, {
      actorUserId: me.userId,
      action: "notice.recorded",
      subjectType: "bond",
      subjectId: bondId,
      details: { noticeId: id, form: p.form, scan: Boolean(scan) },
    });
    return { noticeId: id, deadline: deadline ? { kind: deadline.kind, at: deadline.at.toISOString() } : null };
  });
}
