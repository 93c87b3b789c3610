/**
 * Sign in as a demo staff member the way a person does: from the home page, the footer's
 * "Staff sign-in" link, the email form, then the magic link clicked in the outbox (the footer's
 * test tools, as a demo user reads their mail), then the passkey step an admin or treasurer (or anyone with a passkey) must pass:
 * the first sign-in on a server enrols one in Chromium's virtual authenticator, later ones use it
 * (./passkey.ts).
 */
import { expect, type Page } from "@playwright/test";
import { clickMailLink } from "./mail";
import { passkeyStep } from "./passkey";

const LINK = /https?:\/\/\S+\/api\/auth\/callback\/email\S*/;

async function lastLinkTo(page: Page, email: string): Promise<string | null> {
  const res = await page.request.get(`/api/test/last-mail?to=${encodeURIComponent(email)}`);
  if (!res.ok()) return null;
  return LINK.exec(((await res.json()) as { text: string }).text)?.[0] ?? null;
}

/** The newest sign-in link mailed to `email` that is not `after`. */
export async function magicLinkFor(page: Page, email: string, after: string | null): Promise<string> {
  let link = "";
  await expect
    .poll(
      async () => {
        link = (await lastLinkTo(page, email)) ?? "";
        return link && link !== after ? link : "";
      },
      { message: `a sign-in link for ${email}` },
    )
    .not.toBe("");
  return link;
}

/** From the home page to the staff sign-in form, by the footer's link. */
export async function openSignIn(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: "Staff sign-in" }).click();
  await expect(page.getByLabel("Email address")).toBeVisible();
}

/**
 * On the sign-in form: ask for a link, wait for the new one (the test-only mail route says when it is
 * there), then click it in the outbox, as from the mail.
 */
export async function followMagicLink(page: Page, email: string): Promise<void> {
  const previous = await lastLinkTo(page, email);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: /sign-in link/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in") || u.pathname.includes("check-email"));
  await clickMailLink(page, email, { href: await magicLinkFor(page, email, previous) });
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await openSignIn(page);
  await followMagicLink(page, email);
  await passkeyStep(page, email);
}
