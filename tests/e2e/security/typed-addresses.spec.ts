/**
 * Addresses typed into the address bar, as someone guessing or skipping a step would: the journeys
 * reach every page by clicking, so typing an address is tested here, where it is the point.
 */
import { expect, test } from "@playwright/test";
import { followMagicLink, openSignIn } from "../helpers/sign-in";

test("a draft or unknown campaign is not found (a typed or stale address)", async ({ page }) => {
  expect((await page.goto("/campaigns/no-such-person"))?.status()).toBe(404);
});

test("a session whose passkey is not confirmed yet cannot reach a staff page by typing its address", async ({
  page,
}) => {
  // The magic link alone: a treasurer must still create or use a passkey.
  await openSignIn(page);
  await followMagicLink(page, "treasurer@openbond.example");
  await expect(page).toHaveURL(/\/sign-in\/passkey/);
  for (const path of ["/admin/staff", "/treasury", "/treasury/bonds"]) {
    await page.goto(path);
    await expect(page, `${path} sends the session back to the passkey step`).toHaveURL(/\/sign-in\/passkey/);
  }
});
