import { expect, test } from "@playwright/test";
import { axeViolations } from "./helpers/axe";

test("a visitor sees the live demo campaigns with totals from the ledger", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("bond");
  const cards = page.getByTestId("campaign-card");
  // Other specs may publish campaigns on the shared server: check the three live demo ones are there.
  for (const [alias, region] of [
    ["Dmitri", "Louisiana"],
    ["Amara", "Texas"],
    ["Luis", "Arizona"],
  ]) {
    await expect(cards.filter({ hasText: alias })).toContainText(region!);
  }
  for (const raised of await page.getByTestId("raised").allTextContents()) {
    expect(raised).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(raised).not.toBe("$0");
  }
  await expect(page.getByRole("progressbar").first()).toHaveAttribute("aria-valuenow", /\d+/);
  await page.screenshot({ path: "test-results/home.png", fullPage: true });
});

test("the home page has no accessibility violations", async ({ page }) => {
  await page.goto("/");
  expect(await axeViolations(page)).toEqual([]);
});
