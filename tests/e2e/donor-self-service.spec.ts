/**
 * Donor self-service by clicking (issue 15): a monthly donor goes from the home page to "My gifts",
 * asks for a link, opens it from their mail, downloads a receipt PDF and reads it, and changes the
 * monthly amount; what the page then says is what the books hold. Screenshots go to
 * test-results/self-service-*.png.
 */
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { pdfText } from "../helpers/pdf-text";
import { clickMailLink } from "./helpers/mail";

const EMAIL = "self-service@example.org";

async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/self-service-${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/self-service-${name}-desktop.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

async function lastMail(request: APIRequestContext): Promise<string> {
  const res = await request.get(`/api/test/last-mail?to=${encodeURIComponent(EMAIL)}`);
  return res.ok() ? ((await res.json()) as { text: string }).text : "";
}

async function recurring(request: APIRequestContext) {
  const res = await request.get("/api/test/campaign-books?slug=amara-texas");
  const b = (await res.json()) as { recurring: { amountCents: number; coverFeeCents: number; status: string }[] };
  return b.recurring;
}

test("a monthly donor opens the self-service link, downloads a receipt PDF and changes the amount", async ({
  page,
  request,
}) => {
  // A monthly gift, given the way a donor gives.
  await page.goto("/");
  await page.getByRole("link", { name: "Amara*", exact: true }).click();
  await page.getByLabel("Other amount in dollars").fill("20");
  await page
    .locator("label")
    .filter({ hasText: /^Monthly$/ })
    .click();
  await page.getByLabel("Email for your receipt").fill(EMAIL);
  await page.getByRole("button", { name: "Give $20.00 a month" }).click();
  await page.getByRole("button", { name: "Pay (card succeeds)" }).click();
  await expect(page.getByTestId("thanks-message")).toContainText("Your monthly gift of $20.00");
  await expect.poll(() => lastMail(request), { message: "the receipt" }).toContain("Thank you for your gift of $20.00");

  // Later: from any page, the footer's "My gifts".
  await page
    .getByRole("link", { name: /Open Bond Fund/ })
    .first()
    .click();
  await page.getByRole("link", { name: "My gifts" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My gifts");
  await shoot(page, "request");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.locator("#donor-email-error")).toContainText("Enter the email address you gave with");
  await page.getByLabel("Email address").fill(EMAIL.toUpperCase());
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByTestId("my-gifts-sent")).toContainText("a link is on its way");

  // The mail's link (a donor clicks it in their mail program).
  await expect.poll(async () => /\/my-gifts\/open\?token=/.test(await lastMail(request))).toBe(true);
  await clickMailLink(page, EMAIL, /\/my-gifts\/open\?token=/);
  await page.getByRole("button", { name: "Show my gifts" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Gifts from ${EMAIL}`);
  await expect(page.getByTestId("my-gift")).toHaveCount(1);
  await expect(page.getByTestId("my-gift")).toContainText("Amara* · $20.00 · monthly");
  await shoot(page, "gifts");

  // The receipt, as a PDF, with what the IRS asks of an acknowledgment.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Receipt (PDF)" }).click();
  const file = await (await download).path();
  const text = (await pdfText(readFileSync(file!))).replace(/\s+/g, " ");
  expect(text).toContain("Donation receipt");
  expect(text).toContain('Thank you for your gift of $20.00 to Open Bond Fund (demo), for the campaign "Amara*".');
  expect(text).toContain("This is one payment of your monthly gift.");
  expect(text).toMatch(/EIN \d{2}-\d{7}/);
  expect(text).toMatch(/Date: \w+ \d{1,2}, \d{4}/);

  // Change the monthly amount: a typo is refused next to the field, then $37 with the fee cover.
  const amount = page.getByLabel("New monthly gift in dollars");
  await amount.fill("3");
  await page.getByRole("button", { name: "Change my monthly gift" }).click();
  await expect(page.getByText("The smallest gift we can accept is $5.")).toBeVisible();
  await amount.fill("37");
  await page.getByLabel(/Also cover the card fee/).check();
  await page.getByRole("button", { name: "Change my monthly gift" }).click();
  await expect(page.getByTestId("my-gifts-message")).toHaveText(
    "Your monthly gift is changed. From your next payment you will be charged $38.41 a month.",
  );
  await expect(page.getByTestId("my-monthly-gift")).toContainText("Amara* · $37.00 + $1.41 / monthly");
  const active = (await recurring(request)).filter((r) => r.status === "active");
  expect(active).toContainEqual(expect.objectContaining({ amountCents: 3_841, coverFeeCents: 141 }));
  await shoot(page, "changed");

  // The link was single-use: opening it again asks for a new one.
  await page.getByRole("button", { name: "Close" }).click();
  await clickMailLink(page, EMAIL, /\/my-gifts\/open\?token=/);
  await page.getByRole("button", { name: "Show my gifts" }).click();
  await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
});
