import { expect, test } from "@playwright/test";
import { signIn } from "./helpers/sign-in";

const dollars = (text: string | null) => Number((text ?? "").replace(/[^0-9]/g, ""));

test("a treasurer refunds part of a gift with a reason, and the campaign total falls by exactly that", async ({
  page,
}) => {
  await page.goto("/campaigns/amara-texas");
  await page.getByLabel("Other amount in dollars").fill("30");
  await page.getByRole("button", { name: "Continue to secure payment" }).click();
  await page.getByRole("button", { name: "Pay (card succeeds)" }).click();
  await expect(page).toHaveURL(/\/give\/thanks/);
  await page.goto("/campaigns/amara-texas");
  const before = dollars(await page.getByTestId("raised").textContent());

  await signIn(page, "treasurer@openbond.example");
  await page.goto("/treasury/gifts");
  await page
    .getByTestId("gifts")
    .getByRole("row")
    .filter({ hasText: "$30.00" })
    .first()
    .getByRole("link", { name: "Open" })
    .click();
  const form = page.getByTestId("refund-form");
  await form.getByLabel("Amount in dollars").fill("31");
  await form.getByLabel(/Reason/).fill("Donor asked for part back");
  await form.getByLabel(/I confirm: the books/).check();
  await form.getByRole("button", { name: "Send the refund to Stripe" }).click();
  await expect(form.getByTestId("form-error")).toContainText("larger than what is left of the gift ($30.00)");
  await form.getByLabel("Amount in dollars").fill("10");
  await form.getByRole("button", { name: "Send the refund to Stripe" }).click();
  await expect(form).toContainText("Refund of $10.00 sent to Stripe");

  await page.goto("/campaigns/amara-texas");
  expect(dollars(await page.getByTestId("raised").textContent())).toBe(before - 10);
});
