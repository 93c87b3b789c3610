/**
 * Issue 16 item 5: the donor pages work with JavaScript disabled — plain HTML forms
 * posting to server actions, which the scripts only enhance. Home → campaign → a
 * mistyped amount (refused, kept as typed) → give → checkout → thank-you, a monthly
 * gift stopped from its link, transparency and Spanish; all by clicking.
 */
import { expect, test, type Page } from "@playwright/test";
import { clickMailLink } from "./helpers/mail";

test.use({ javaScriptEnabled: false });

async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/donor-nojs-${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/donor-nojs-${name}-desktop.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

test("without JavaScript a donor gives, is refused a typo, is thanked, and can read the transparency page", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Dmitri*", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dmitri*");
  // No script: no live figure that could go stale, only words.
  await expect(page.getByTestId("cover-fee-label")).toHaveText("Add the card fee so the fund receives my full gift");
  const submit = page.getByRole("button", { name: "Continue to secure payment" });

  // The $50 preset stays ticked while the donor types in Other: what they typed wins, and a typo is refused.
  await page.getByLabel("Other amount in dollars").fill("3");
  await submit.click();
  await expect(page.locator("#amount-error")).toHaveText("The smallest gift we can accept is $5.");
  await expect(page.getByLabel("Other amount in dollars")).toHaveValue("3");
  await expect(page.getByRole("radio", { name: "Other" })).toBeChecked();
  await shoot(page, "mistyped");

  await page.getByLabel("Other amount in dollars").fill("40");
  await page.getByLabel("Email for your receipt").fill("nojs@example.org");
  await submit.click();
  await expect(page).toHaveURL(/\/dev\/stripe\/checkout\/cs_test_/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("$40.00");
  await page.getByRole("button", { name: "Pay (card succeeds)" }).click();
  await expect(page.getByTestId("thanks-message")).toContainText("Your $40.00 gift to Dmitri*'s bond was received.");
  await shoot(page, "thanks");

  await page.getByRole("link", { name: "Where the money is" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("transparency-figures")).toContainText("$");
  await shoot(page, "transparency");
});

test("without JavaScript a monthly gift starts and is stopped from its link, in Spanish", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Ver esta página en español" }).click();
  await expect(page).toHaveURL(/\/es$/);
  await page.getByRole("link", { name: "Luis*", exact: true }).click();
  await page.getByLabel("Otro monto en dólares").fill("12");
  await page
    .locator("label")
    .filter({ hasText: /^Mensual$/ })
    .click();
  await page.getByLabel("Correo para su recibo").fill("nojs-monthly@example.org");
  await page.getByRole("button", { name: "Continuar al pago seguro" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("$12.00 / month");
  await page.getByRole("button", { name: "Pay (card succeeds)" }).click();
  await expect(page).toHaveURL(/\/es\/give\/thanks/);
  await expect(page.getByTestId("thanks-message")).toContainText("Comenzó su donación mensual de $12.00");
  await page.getByRole("link", { name: "detener mi donación mensual" }).click();
  await shoot(page, "es-manage");
  await page.getByRole("button", { name: "Detener mi donación mensual" }).click();
  await expect(page.getByTestId("cancel-message")).toHaveText(
    "Su donación mensual quedó detenida. No se harán más cobros.",
  );
  // Reopened from the receipt's link, it shows stopped.
  await clickMailLink(page, "nojs-monthly@example.org", /\/give\/cancel\//);
  await expect(page.getByTestId("cancel-message")).toHaveText("Esta donación mensual ya está detenida.");
  await shoot(page, "es-stopped");
});
