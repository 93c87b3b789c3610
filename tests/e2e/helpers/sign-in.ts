/**
 * Sign in as a demo staff member by magic link, read from the test-only outbox route (APP_ENV=test),
 * then the passkey step an admin or treasurer (or anyone with a passkey) must pass: the first
 * sign-in on a server enrols one in Chromium's virtual authenticator, later ones use it (./passkey.ts).
 */
import { expect, type Page } from "@playwright/test";
import { passkeyStep } from "./passkey";

export async function magicLinkFor(page: Page, email: string, after: string | null): Promise<string> {
  let link = "";
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/test/last-mail?to=${encodeURIComponent(email)}`);
        if (!res.ok()) return "";
        const { text } = (await res.json()) as { text: string };
        link = /https?:\/\/\S+\/api\/auth\/callback\/email\S*/.exec(text)?.[0] ?? "";
        return link && link !== after ? link : "";
      },
      { message: `a sign-in link for ${email}` },
    )
    .not.toBe("");
  return link;
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  const before = await page.request.get(`/api/test/last-mail?to=${encodeURIComponent(email)}`);
  const previous = before.ok()
    ? (/https?:\/\/\S+\/api\/auth\/callback\/email\S*/.exec(((await before.json()) as { text: string }).text)?.[0] ??
      null)
    : null;
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: /sign-in link/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in") || u.pathname.includes("check-email"));
  await page.goto(await magicLinkFor(page, email, previous));
  await passkeyStep(page, email);
}
