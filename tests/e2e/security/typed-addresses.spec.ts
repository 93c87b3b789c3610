/**
 * Addresses typed into the address bar, as someone guessing or skipping a step would, or opened from
 * an attacker's crafted link: the journeys reach every page by clicking, so typing an address is
 * tested here, where it is the point.
 */
import { expect, test } from "@playwright/test";
import { followMagicLink, openSignIn, signIn } from "../helpers/sign-in";
import { openStaffArea } from "../helpers/staff-nav";

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

/** A crafted link: the page the user reached by clicking, with the attacker's `?done=` added. */
function withForgedDone(url: string, text: string): string {
  const u = new URL(url);
  u.searchParams.set("done", text);
  return u.toString();
}

test("?done= in a crafted link shows only messages the app wrote, never text from the address", async ({ page }) => {
  await signIn(page, "admin@openbond.example");
  await openStaffArea(page, "Admin");
  await page.goto(withForgedDone(page.url(), "Your account is locked, call +1 555 0100"));
  await expect(page.getByText("Your account is locked")).toHaveCount(0);
  await openStaffArea(page, "Treasury", "Bonds");
  await page.waitForURL(/\/treasury\/bonds$/);
  await page.locator('a[href^="/treasury/bonds/"]').first().click();
  await page.waitForURL(/\/treasury\/bonds\/[0-9a-f-]{36}$/);
  await page.goto(withForgedDone(page.url(), "Bond paid. Send the refund to account 0123456789"));
  await expect(page.getByText("Send the refund to account")).toHaveCount(0);
});
