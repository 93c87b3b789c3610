"use server";
/** Server actions of the notices page: authenticate, hand the form and the scan's bytes to lib/notices. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { attempt, type FormState } from "@/lib/forms/form-state";
import { resolveNotice } from "@/lib/notices/read";
import { recordNotice } from "@/lib/notices/record-notice";
import { MAX_SCAN_BYTES } from "@/lib/notices/scan";
import { AppError } from "@/lib/errors";
import { requireId } from "@/lib/validation";

const text = (fd: FormData, k: string) => (typeof fd.get(k) === "string" ? String(fd.get(k)) : undefined);

export async function recordNoticeAction(bondId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  const r = await attempt(async () => {
    const id = requireId(bondId, "bond");
    const file = fd.get("scan");
    let scan: { bytes: Uint8Array } | null = null;
    if (file instanceof File && file.size > 0) {
      // Refuse before reading a huge body into memory twice.
      if (file.size > MAX_SCAN_BYTES + 1)
        throw new AppError("validation", `The scan is ${(file.size / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
      scan = { bytes: new Uint8Array(await file.arrayBuffer()) };
    }
    const input = Object.fromEntries(
      ["form", "servedOn", "servedBy", "deliveryDate", "deliveryTime", "timeZone", "place", "note"].map((k) => [
        k,
        text(fd, k) || undefined,
      ]),
    );
    return recordNotice(await getDb(), me, id, input, scan);
  });
  if (!r.ok) return r.state;
  revalidatePath(`/treasury/bonds/${bondId}`);
  redirect(`/treasury/bonds/${bondId}/notices?done=recorded`);
}

export async function resolveNoticeAction(bondId: string, noticeId: string, _prev: FormState): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  const r = await attempt(async () => resolveNotice(await getDb(), me, requireId(noticeId, "notice")));
  if (!r.ok) return r.state;
  redirect(`/treasury/bonds/${bondId}/notices?done=met`);
}
