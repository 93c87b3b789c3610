"use server";
/** The notices page: record a notice with the scan's bytes, or mark a deadline met (lib/notices checks the role). */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { validatedAction } from "@/lib/forms/validated-action";
import { resolveNotice } from "@/lib/notices/read";
import { recordNotice } from "@/lib/notices/record-notice";
import { MAX_SCAN_BYTES } from "@/lib/notices/scan";
import { requireId } from "@/lib/validation";

const blank = (v: unknown) => (v === "" ? undefined : v);
const noticeForm = z.object({
  form: z.preprocess(blank, z.string().optional()),
  servedOn: z.preprocess(blank, z.string().optional()),
  servedBy: z.preprocess(blank, z.string().optional()),
  deliveryDate: z.preprocess(blank, z.string().optional()),
  deliveryTime: z.preprocess(blank, z.string().optional()),
  timeZone: z.preprocess(blank, z.string().optional()),
  place: z.preprocess(blank, z.string().optional()),
  note: z.preprocess(blank, z.string().optional()),
  scan: z.unknown().optional(),
});

export const recordNoticeAction = validatedAction(
  noticeForm,
  async ({ scan: file, ...input }, { me, db }, bondId: string) => {
    const id = requireId(bondId, "bond");
    let scan: { bytes: Uint8Array } | null = null;
    if (file instanceof File && file.size > 0) {
      // Refuse before reading a huge body into memory; the content check follows in lib/notices/scan.ts.
      if (file.size > MAX_SCAN_BYTES)
        throw new AppError("validation", `The scan is ${(file.size / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
      scan = { bytes: new Uint8Array(await file.arrayBuffer()) };
    }
    await recordNotice(db, me, id, input, scan);
    revalidatePath(`/treasury/bonds/${id}`);
    redirect(`/treasury/bonds/${id}/notices?done=recorded`);
  },
);

export const resolveNoticeAction = validatedAction(
  z.object({}),
  async (_f, { me, db }, bondId: string, noticeId: string) => {
    await resolveNotice(db, me, requireId(noticeId, "notice"));
    redirect(`/treasury/bonds/${requireId(bondId, "bond")}/notices?done=met`);
  },
);
