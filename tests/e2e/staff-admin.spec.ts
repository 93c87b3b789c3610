/**
 * Issue 11, threat model: the admin invites a treasurer by clicking (from the admin home), the
 * invitee signs in from the invitation mail, sees their own sessions and can end one; the admin
 * removes them and they are signed out at once. Mail is read via /api/test/last-mail (APP_ENV=test).
 */
import { expect, test } from "@playwright/test";
import { passkeyStep } from "./helpers/passkey";
import { shots } from "./helpers/shots";
import { followMagicLink, signIn } from "./helpers/sign-in";
import { clickMailLink } from "./helpers/mail";

const INVITEE = "invited.treasurer@openbond.example";

test("an admin invites a treasurer by clicking; the invitee signs in; the admin removes them", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@openbond.example");
  await admin.getByRole("link", { name: "Admin", exact: true }).click();
  await admin.getByRole("link", { name: "Staff", exact: true }).click();
  await expect(admin.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();

  // A bad address is refused next to the field, and nothing is sent.
  const invite = admin.getByRole("form", { name: "Invite staff" });
  await invite.getByLabel("Email address").fill("not-an-address");
  await invite.getByLabel("Role").selectOption("treasurer");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByTestId("error-email")).toContainText("Enter a valid email address.");

  await invite.getByLabel("Email address").fill(INVITEE);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByRole("status")).toContainText("Invitation sent");
  const row = admin.getByTestId(`staff-${INVITEE}`);
  await expect(row.getByRole("checkbox", { name: "treasurer" })).toBeChecked();
  await shots(admin, "admin-staff");

  // Own admin role cannot be removed: the box is locked, and there is no "Remove" on one's own row.
  const me = admin.getByTestId("staff-admin@openbond.example");
  await expect(me.getByRole("checkbox", { name: "admin" })).toBeDisabled();
  await expect(me.getByRole("button", { name: "Remove from staff" })).toHaveCount(0);

  // The invitee opens the invitation mail and follows its link to sign in.
  const invitee = await (await browser.newContext()).newPage();
  const res = await invitee.request.get(`/api/test/last-mail?to=${encodeURIComponent(INVITEE)}`);
  expect(res.ok()).toBe(true);
  const mail = (await res.json()) as { text: string };
  expect(mail.text).toContain("treasurer role");
  await clickMailLink(invitee, INVITEE, /\/sign-in/);
  await followMagicLink(invitee, INVITEE);
  // A treasurer's first sign-in creates a passkey (trust on first use; tests/e2e/passkey.spec.ts).
  await passkeyStep(invitee, INVITEE);
  await expect(invitee.getByTestId("roles")).toHaveText("Roles: treasurer");
  await expect(invitee.getByTestId("my-sessions").getByRole("listitem")).toHaveCount(1);
  await expect(invitee.getByTestId("my-sessions")).toContainText("(this device)");
  await shots(invitee, "account-sessions");
  await invitee.getByRole("link", { name: "Treasury" }).click();
  await expect(invitee).toHaveURL(/\/treasury/);
  await expect(invitee.getByTestId("forbidden")).toHaveCount(0);

  // The admin sees the new session, then removes the treasurer: signed out everywhere at once.
  await admin.getByRole("link", { name: "Staff", exact: true }).click();
  await expect(row).toContainText("Signed in on 1 device");
  await row.getByRole("button", { name: "Remove from staff" }).click();
  await expect(admin.getByRole("status")).toContainText("Removed from the staff");
  await expect(admin.getByTestId(`staff-${INVITEE}`)).toHaveCount(0);
  await invitee.reload();
  await expect(invitee).toHaveURL(/\/sign-in/);

  // Everything above is in the audit log.
  await admin.getByRole("link", { name: "Audit log" }).click();
  const audit = admin.getByTestId("audit-table");
  await expect(audit).toContainText("staff.removed");
  await expect(audit).toContainText("role.revoked");
  await expect(audit).toContainText("role.granted");
});

test("a staff member ends another of their own sessions from the account page", async ({ browser }) => {
  const laptop = await (await browser.newContext()).newPage();
  await signIn(laptop, "treasurer2@openbond.example");
  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, "treasurer2@openbond.example");
  await laptop.reload();
  const list = laptop.getByTestId("my-sessions");
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await list
    .getByRole("listitem")
    .filter({ hasNotText: "(this device)" })
    .getByRole("button", { name: "End this session" })
    .click();
  await expect(laptop.getByRole("status")).toContainText("Session ended");
  await expect(laptop.getByTestId("my-sessions").getByRole("listitem")).toHaveCount(1);
  await phone.reload();
  await expect(phone).toHaveURL(/\/sign-in/);
});
