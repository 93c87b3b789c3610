/**
 * Following a link in a mail, by clicking, the way someone trying the demo does: the footer's
 * "Test tools" link, the outbox, then the link in the newest mail to that address that has one.
 */
import { expect, type Page } from "@playwright/test";

/** `link`: the link's text, or its exact address (a sign-in link: the newest one, not an older mail's). */
export async function clickMailLink(page: Page, to: string, link: RegExp | { href: string }): Promise<void> {
  await page.goto("/");
  // The footer is in the visitor's language (a Spanish donor's cookie keeps Spanish).
  await page
    .getByRole("link", { name: /^(Test tools \(no real money\)|Herramientas de prueba \(sin dinero real\))$/ })
    .click();
  await page.getByRole("navigation", { name: "Development tools" }).getByRole("link", { name: "Outbox" }).click();
  const anchor =
    link instanceof RegExp ? page.getByRole("link", { name: link }) : page.locator(`a[href="${link.href}"]`);
  const mail = page
    .getByTestId("outbox-message")
    .filter({ hasText: `to ${to}` })
    .filter({ has: anchor })
    .first();
  await expect(mail).toBeVisible();
  await mail.locator(anchor).first().click();
}
