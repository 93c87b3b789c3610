/**
 * Issue 11 acceptance: an admin signs in with a passkey (Chromium's virtual authenticator) and
 * invites a treasurer by clicking. A new admin, invited by the demo admin, signs in by magic
 * link for the first time and must create a passkey (trust on first use), sees the recovery
 * codes once, signs out, signs in again and confirms with the passkey, then invites a
 * treasurer from the staff page. Until it is confirmed the session reaches no admin page;
 * a recovery code works once instead of the passkey.
 */
import { expect, test, type Page } from "@playwright/test";
import { enrolPasskey, verifyPasskey } from "./helpers/passkey";
import { shots } from "./helpers/shots";
import { followMagicLink, openSignIn, signIn } from "./helpers/sign-in";

const ADMIN = "passkey.admin@openbond.example";
const TREASURER = "passkey.treasurer@openbond.example";

async function invite(page: Page, email: string, role: string): Promise<void> {
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page.getByRole("link", { name: "Staff", exact: true }).click();
  const form = page.getByRole("form", { name: "Invite staff" });
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText("Invitation sent");
}

test("a new admin enrols a passkey, signs in with it, and invites a treasurer by clicking", async ({ browser }) => {
  test.setTimeout(180_000);
  const demo = await (await browser.newContext()).newPage();
  await signIn(demo, "admin@openbond.example");
  await invite(demo, ADMIN, "admin");

  // First sign-in of the new admin, from the sign-in page: a passkey must be created now.
  const page = await (await browser.newContext()).newPage();
  await openSignIn(page);
  await followMagicLink(page, ADMIN);
  await expect(page).toHaveURL(/\/sign-in\/passkey/);
  await expect(page.getByRole("heading", { name: "Set up a passkey" })).toBeVisible();
  await expect(page.getByText("As an admin, you confirm every sign-in")).toBeVisible();
  await shots(page, "passkey-enrol");

  // Not yet confirmed, typing a staff page's address sends the session back here:
  // security/typed-addresses.spec.ts.

  const codes = await enrolPasskey(page, ADMIN, "Work laptop");
  expect(new Set(codes).size).toBe(10);
  for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await shots(page, "passkey-recovery-codes");
  const next = page.getByRole("button", { name: "Continue" });
  await expect(next).toBeDisabled();
  await page.getByLabel("I have saved these codes somewhere safe").check();
  await next.click();
  await expect(page).toHaveURL(/\/account/);
  await expect(page.getByTestId("roles")).toHaveText("Roles: admin");
  await expect(page.getByTestId("my-passkeys")).toContainText("Work laptop");
  await expect(page.getByTestId("codes-left")).toContainText("10 of 10 unused");
  await shots(page, "account-passkeys");

  // Sign out, then in again: this time the passkey confirms it.
  await page.getByRole("button", { name: "Sign out", exact: true }).first().click();
  await expect(page).toHaveURL(/\/$|\/en/);
  await openSignIn(page);
  await followMagicLink(page, ADMIN);
  await expect(page.getByRole("heading", { name: "Confirm it is you" })).toBeVisible();
  await shots(page, "passkey-verify");
  await verifyPasskey(page, ADMIN);

  // Signed in with the passkey: to the staff page by clicking, and invite a treasurer.
  await invite(page, TREASURER, "treasurer");
  await expect(page.getByTestId(`staff-${TREASURER}`).getByRole("checkbox", { name: "treasurer" })).toBeChecked();
  await expect(page.getByTestId(`staff-${ADMIN}`)).toContainText("1 passkey");

  // Lost device: a recovery code instead of the passkey, once.
  const other = await (await browser.newContext()).newPage();
  await openSignIn(other);
  await followMagicLink(other, ADMIN);
  await other.getByText("Lost your passkey? Use a recovery code").click();
  await shots(other, "passkey-recovery-form");
  await other.getByRole("textbox", { name: "Recovery code" }).fill(codes[0]!);
  await other.getByRole("button", { name: "Use this code" }).click();
  await expect(other).toHaveURL(/\/account/);
  await expect(other.getByTestId("done")).toContainText("Signed in with a recovery code: 9 left");
  const again = await (await browser.newContext()).newPage();
  await openSignIn(again);
  await followMagicLink(again, ADMIN);
  await again.getByText("Lost your passkey? Use a recovery code").click();
  await again.getByRole("textbox", { name: "Recovery code" }).fill(codes[0]!);
  await again.getByRole("button", { name: "Use this code" }).click();
  // The refusal is next to the field (the banner above the form says to correct the field marked).
  await expect(again.getByTestId("error-code")).toContainText("not right, or it was already used");
  await expect(again).toHaveURL(/\/sign-in\/passkey/);

  // All of it is in the audit log.
  await page.getByRole("link", { name: "Audit log" }).click();
  const audit = page.getByTestId("audit-table");
  for (const action of ["passkey.enrolled", "passkey.verified", "recovery_code.used", "recovery_code.failed"])
    await expect(audit).toContainText(action);
});
