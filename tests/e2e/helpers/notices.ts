/** Recording an ICE notice on the bond's notices page, as a treasurer does (lib/notices/record-notice.ts). */
import { expect, type Page } from "@playwright/test";

export interface NoticeInput {
  form: "I-340" | "I-323" | "I-391" | "I-305" | "other";
  servedOn: string;
  servedBy: "mail" | "email" | "in_person";
  deliveryDate?: string;
  deliveryTime?: string;
  timeZone?: string;
  place?: string;
}

export async function recordNotice(
  page: Page,
  v: NoticeInput,
  scan?: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const form = page.getByRole("form", { name: "Record a notice from ICE" });
  await form.getByLabel("Notice", { exact: true }).selectOption(v.form);
  await form.getByLabel("Served on").fill(v.servedOn);
  await form.getByLabel("Served by").selectOption(v.servedBy);
  if (v.deliveryDate) {
    await form.getByLabel("Delivery date").fill(v.deliveryDate);
    await form.getByLabel("Delivery time").fill(v.deliveryTime!);
    await form.getByLabel("Facility's time zone").selectOption(v.timeZone!);
    await form.getByLabel("Place").fill(v.place!);
  }
  if (scan) await form.getByLabel("Scan of the notice").setInputFiles(scan);
  await form.getByRole("button", { name: "Record notice" }).click();
  await expect(page.getByTestId("done")).toBeVisible();
}
