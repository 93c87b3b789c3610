import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { pdfText } from "../helpers/pdf-text";
import { recordNotice } from "./helpers/notices";
import { shots } from "./helpers/shots";
import { signIn } from "./helpers/sign-in";

// After the bond is paid (issue 13): from the treasury dashboard, by clicking, record an I-340 and an I-323 with
// scans, see both deadlines, record the obligor, the I-391, download the claim packet and read it, record it mailed.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 1)]);
const PDF = Buffer.from("%PDF-1.4\n% test scan of an I-323\n%%EOF\n");

test("after release: notices with scans, both deadlines, the I-391, the claim packet read back, mailed, the aging table moves", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // The admin sets the fund's obligor profile once, from the admin home.
  await signIn(page, "admin@openbond.example");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Fund obligor" }).click();
  const profile = page.getByRole("form", { name: "Fund obligor profile" });
  await profile.getByLabel("Obligor's legal name").fill("Open Bond Fund Inc.");
  await profile.getByLabel("Authorised representative").fill("Rosa Treasurer");
  await profile.getByLabel("CeBONDS account email").fill("cebonds@openbond.example");
  await profile.getByLabel("Street address").fill("100 Main Street");
  await profile.getByLabel("City").fill("Baton Rouge");
  await profile.getByLabel("State").fill("LA");
  await profile.getByLabel("ZIP code").fill("70801");
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("fund-obligor")).toContainText("100 Main Street, Baton Rouge, LA 70801");
  await shots(page, "after-release-0-fund-obligor");

  await signIn(page, "treasurer@openbond.example");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Treasury" }).click();
  const aging = page.getByTestId("aging");
  const claimedBefore = await aging.locator("[data-testid$='-claimed']").allInnerTexts();
  await page.getByRole("link", { name: "All bonds" }).click();
  await page.getByRole("row", { name: /Tomás/ }).getByRole("link").first().click();
  await page.waitForURL(/\/treasury\/bonds\/[0-9a-f-]{36}$/);
  const bondId = page.url().split("/").pop()!;
  const i305 = /receipt (\S+);/.exec(await page.getByText(/receipt \S+; obligor/).innerText())![1]!;

  // The seeded bond predates obligor records: the treasurer substitutes the fund's own profile.
  await page.getByRole("link", { name: "Obligor of record" }).click();
  await page.getByLabel("New obligor").selectOption("fund");
  await page.getByLabel("From", { exact: true }).fill(day(-1));
  await page.getByRole("button", { name: "Record substitution" }).click();
  await expect(page.getByTestId("obligor")).toContainText("Open Bond Fund Inc.");
  await page.getByRole("link", { name: /← Bond for/ }).click();

  await page.getByRole("link", { name: "ICE notices & deadlines" }).click();
  // A scan of an unknown type is refused, with nothing written.
  await recordNotice(
    page,
    {
      form: "I-340",
      servedOn: day(-1),
      servedBy: "mail",
      deliveryDate: day(20),
      deliveryTime: "09:00",
      timeZone: "America/Chicago",
      place: "Field office, Room 3",
    },
    { name: "scan.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a-not-allowed") },
  ).catch(() => {});
  await expect(page.getByTestId("form-error")).toContainText("not a PDF, JPEG or PNG");
  await expect(page.getByTestId("notices")).toContainText("None recorded yet.");
  await shots(page, "after-release-1-bad-scan");
  await page.getByLabel("Scan of the notice").setInputFiles({ name: "i340.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Record notice" }).click();
  await expect(page.getByTestId("done")).toBeVisible();
  await expect(page.getByTestId("notice-I-340")).toContainText("09:00 America/Chicago");
  await recordNotice(
    page,
    { form: "I-323", servedOn: day(-1), servedBy: "mail" },
    { name: "i323.pdf", mimeType: "application/pdf", buffer: PDF },
  );
  await expect(page.getByTestId("notice-I-323")).toContainText("Appeal on Form I-290B");
  // 33 days when mailed, ending at midnight on the fund's clock; days left counted there too (32 or 33 by the hour).
  const appealDay = new Date(Date.parse(`${day(-1)}T00:00:00Z`) + 33 * 86_400_000).toISOString().slice(0, 10);
  await expect(page.getByTestId("notice-I-323")).toContainText(`${appealDay} 23:59 America/New_York`);
  await expect(page.getByTestId("notice-I-323")).toContainText(/3[23] day\(s\) left/);
  await shots(page, "after-release-2-notices");

  // Both deadlines on the dashboard, most urgent first.
  await page.getByRole("link", { name: "Overview" }).click();
  const deadlines = page.getByTestId("deadlines");
  await expect(deadlines.getByTestId("deadline-deliver_person")).toContainText("Tomás");
  await expect(deadlines.getByTestId("deadline-appeal_i290b")).toContainText(appealDay);
  const rows = await deadlines.locator("tbody tr").allInnerTexts();
  expect(rows.findIndex((r) => r.includes("I-340"))).toBeLessThan(rows.findIndex((r) => r.includes("I-290B")));
  await shots(page, "after-release-3-dashboard-deadlines");

  // The appeal succeeds (reinstated), the case ends, ICE cancels the bond.
  await deadlines.getByTestId("deadline-appeal_i290b").getByRole("link").click();
  await page.getByRole("link", { name: /← Bond for/ }).click();
  await page.getByTestId("form-reinstate").getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByTestId("done")).toBeVisible();
  await page.getByRole("link", { name: "ICE notices & deadlines" }).click();
  await recordNotice(page, { form: "I-391", servedOn: day(0), servedBy: "mail" });
  await expect(page.getByTestId("notice-I-391")).toContainText("Mail the refund claim");

  await page.getByRole("link", { name: /← Bond for/ }).click();
  await page.getByRole("link", { name: "Refund recovery" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Generate the refund-claim packet/ }).click();
  const file = await (await download).path();
  const text = (await pdfText(readFileSync(file!))).replace(/\s+/g, " ");
  expect(text).toContain(bondId);
  expect(text).toContain(i305);
  expect(text).toContain("Debt Management Center");
  expect(text).toContain("100 Main Street, Baton Rouge, LA 70801");
  await shots(page, "after-release-4-recovery");

  const mailed = page.getByRole("form", { name: "Record the claim mailed" });
  await mailed.getByLabel("Mailed on").fill(day(0));
  await mailed.getByLabel("Tracking number").fill("9400 1111 2222 3333");
  await mailed.getByRole("button", { name: "Record mailed" }).click();
  await expect(page.getByTestId("claim-mailed")).toContainText("9400 1111 2222 3333");
  await shots(page, "after-release-5-mailed");

  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("deadlines")).not.toContainText("Mail the refund claim");
  const claimedAfter = await page.getByTestId("aging").locator("[data-testid$='-claimed']").allInnerTexts();
  expect(claimedAfter).not.toEqual(claimedBefore);
  await shots(page, "after-release-6-aging");
});
