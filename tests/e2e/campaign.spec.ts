import { expect, test } from "@playwright/test";
import { axeViolations } from "./helpers/axe";
import { clickHome, GIVE, openCampaign } from "./helpers/give";

// Each test starts at the home page and clicks (the typed-address 404 is in security/typed-addresses.spec.ts).

const axe = axeViolations;

test("a visitor reads a campaign: story, badge, policy, donor wall", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Dmitri*" }).click();
  await expect(page).toHaveURL(/\/campaigns\/dmitri-louisiana$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dmitri*");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Louisiana");
  await expect(page.getByTestId("story")).toContainText("asylum");
  await expect(page.getByTestId("verified-badge")).toHaveText(
    /Case verified by a licensed immigration attorney — identity withheld for safety/,
  );
  await expect(page.getByTestId("policy")).toContainText("general pool");
  await expect(page.getByTestId("policy")).toContainText("not tax-deductible");
  await expect(page.getByTestId("donor-wall").getByRole("listitem").first()).toHaveText(/\$\d/);
  await expect(page.getByTestId("raised")).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
  await expect(page.getByRole("link", { name: "WhatsApp" })).toHaveAttribute("href", /^https:\/\/wa\.me\//);
});

test("the Spanish switch shows Spanish and is remembered", async ({ page }) => {
  await page.goto("/");
  await openCampaign(page, "Dmitri");
  await page.getByRole("link", { name: "Ver esta página en español" }).click();
  await expect(page).toHaveURL(/\/es\/campaigns\/dmitri-louisiana$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByTestId("verified-badge")).toContainText(
    "Caso verificado por un abogado de inmigración con licencia",
  );
  await expect(page.getByRole("heading", { name: "Adónde va su donación" })).toBeVisible();
  await clickHome(page);
  await expect(page).toHaveURL(/\/es$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("fianza");
  await page.getByRole("link", { name: "View this page in English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Help pay a bond");
});

test("the donate form explains a too-small gift next to the field and keeps the values", async ({ page }) => {
  await page.goto("/");
  await openCampaign(page, "Dmitri");
  await page.getByLabel("Other amount in dollars").fill("3");
  await page.getByLabel("Email for your receipt").fill("ana@example.org");
  await page.getByRole("button", { name: GIVE }).click();
  await expect(page.locator("#amount-error")).toHaveText("The smallest gift we can accept is $5.");
  await expect(page.getByLabel("Other amount in dollars")).toHaveValue("3");
  await expect(page.getByLabel("Other amount in dollars")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email for your receipt")).toHaveValue("ana@example.org");
});

test("the fee cover amount follows the chosen gift", async ({ page }) => {
  await page.goto("/");
  await openCampaign(page, "Dmitri");
  await page
    .locator("label")
    .filter({ hasText: /^\$25$/ })
    .click();
  await expect(page.getByTestId("cover-fee-label")).toHaveText("Add $1.06 so the fund receives my full gift");
  await page.getByLabel("Other amount in dollars").fill("100");
  await expect(page.getByTestId("cover-fee-label")).toHaveText("Add $3.30 so the fund receives my full gift");
});

test("no accessibility violations on the campaign page, the donate form with errors, and in Spanish", async ({
  page,
}) => {
  await page.goto("/");
  await openCampaign(page, "Dmitri");
  expect(await axe(page)).toEqual([]);
  await page.getByLabel("Other amount in dollars").fill("3");
  await page.getByRole("button", { name: GIVE }).click();
  await expect(page.locator("#amount-error")).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.getByRole("link", { name: "Ver esta página en español" }).click();
  await expect(page).toHaveURL(/\/es\/campaigns\/dmitri-louisiana$/);
  expect(await axe(page)).toEqual([]);
});

test("screenshots: phone and desktop", async ({ page }) => {
  await page.goto("/");
  for (const [name, width, height] of [
    ["phone", 390, 844],
    ["desktop", 1280, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openCampaign(page, "Dmitri");
    await page.screenshot({ path: `test-results/campaign-${name}.png`, fullPage: true });
    await page.screenshot({ path: `test-results/campaign-${name}-fold.png` });
    await clickHome(page);
    await page.screenshot({ path: `test-results/home-${name}.png`, fullPage: true });
  }
});
