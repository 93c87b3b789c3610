import { expect, test } from "@playwright/test";
import { clickHome, openCampaign, showAllCampaigns } from "./helpers/give";
import { axeViolations } from "./helpers/axe";

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
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/transparency.png", fullPage: true });
  await page.getByRole("link", { name: "Ver esta página en español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dónde está cada dólar");
});

test("each campaign links to where its own money is: held, at ICE, recovered, by month only, in English and Spanish", async ({
  page,
}) => {
  await page.goto("/");
  await showAllCampaigns(page); // Tomás*'s bond is posted: not among the live campaigns shown first
  await openCampaign(page, "Tomás");
  await page.getByTestId("campaign-money-link").click();
  await expect(page).toHaveURL(/\/campaigns\/tomas-california\/transparency$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where the money for Tomás* is");
  const figures = page.getByTestId("transparency-figures");
  await expect(figures).toContainText("Still held for this campaign");
  // The demo bond for this campaign is $12,000 and still at ICE.
  await expect(figures.locator("div").filter({ hasText: "Held by ICE as bonds" })).toContainText("$12,000");
  const html = await page.content();
  expect(html).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  expect(html).not.toMatch(/I-?305|ACH-|A\d{3}-\d{3}-\d{3}/);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/campaign-transparency.png", fullPage: true });

  await clickHome(page);
  await showAllCampaigns(page);
  await openCampaign(page, "Yusuf");
  await page.getByRole("link", { name: "Ver esta página en español" }).click();
  await page.getByTestId("campaign-money-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dónde está el dinero para Yusuf*");
  await expect(page.getByTestId("transparency-figures")).toContainText("Fianzas devueltas, con intereses");
  // A typed or stale address (no link leads there) is a 404.
  expect((await page.request.get("/campaigns/does-not-exist/transparency")).status()).toBe(404);
});
