/** A visitor gives from the home page, by clicking: the campaign's card, an amount, the double's checkout. */
import { expect, type Page } from "@playwright/test";

export const GIVE = /^(Give \$[\d,]+\.\d{2}( a month)?|Continue to secure payment)$/;

/** From anywhere on the public site: the home page's link, then the campaign's link. */
export async function openCampaignFromHome(page: Page, alias: string): Promise<void> {
  await page.getByRole("link", { name: "OpenBond", exact: false }).first().click();
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
