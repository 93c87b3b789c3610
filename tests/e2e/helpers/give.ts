/** A visitor gives from the home page, by clicking: the campaign's card, an amount, the double's checkout. */
import { expect, type Page } from "@playwright/test";

export const GIVE = /^(Give \$[\d,]+\.\d{2}( a month)?|Continue to secure payment)$/;

/** Back to the home page from any page, by the fund's name in the header (public and staff layouts). */
export async function clickHome(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("link").first().click();
  await expect(page.getByTestId("campaign-card").first()).toBeVisible();
}

/** On the home page (English): show campaigns of every status (the list shows live ones by default). */
export async function showAllCampaigns(page: Page): Promise<void> {
  const filters = page.getByRole("form", { name: "Filter and sort" });
  await filters.getByLabel("Status").selectOption("all");
  await filters.getByRole("button", { name: "Show campaigns" }).click();
  await expect(page).toHaveURL(/status=all/);
}

/** From the home page: the campaign's link (its alias). */
export async function openCampaign(page: Page, alias: string): Promise<void> {
  await page
    .getByRole("link", { name: `${alias}*`, exact: true })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${alias}*`);
}

/** On a campaign page: give `dollars` (the "Other" amount), optionally with a donor-wall name, card succeeds. */
export async function giveHere(page: Page, dollars: string, wallName?: string): Promise<void> {
  await page.getByLabel("Other amount in dollars").fill(dollars);
  if (wallName) await page.getByLabel("Name on the donor wall").fill(wallName);
  await page.getByRole("button", { name: GIVE }).click();
  await expect(page).toHaveURL(/\/dev\/stripe\/checkout\/cs_test_/);
  await page.getByRole("button", { name: "Pay (card succeeds)" }).click();
  await expect(page).toHaveURL(/\/give\/thanks/);
}
