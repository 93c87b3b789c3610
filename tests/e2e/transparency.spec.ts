import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the transparency page shows where the money is, by month only, in English and Spanish", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Where the money is" }).click();
  await expect(page).toHaveURL(/\/transparency$/);
  const figures = page.getByTestId("transparency-figures");
  await expect(figures).toContainText("Given by donors");
  await expect(figures).toContainText("Held by ICE as bonds");
  const html = await page.content();
  // No exact day anywhere: bond events are shown by month at most.
  expect(html).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: "test-results/transparency.png", fullPage: true });
  await page.goto("/es/transparency");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dónde está cada dólar");
});
