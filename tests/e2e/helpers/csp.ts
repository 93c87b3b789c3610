import { expect, type Page } from "@playwright/test";

/** The script nonce a Content-Security-Policy header names, or undefined. */
export function nonceIn(csp: string | undefined): string | undefined {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp ?? "")?.[1];
}

/** Collects the browser's CSP complaints on this page from now on; the array fills as they come. */
export function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

/**
 * On a campaign page: "Copy link" is a client component, and its label changes only once React has
 * hydrated the page, which needs every script the page loaded to have run under the policy.
 */
export async function expectCampaignPageHydrated(page: Page): Promise<void> {
  const copy = page.getByRole("button", { name: "Copy link" });
  await expect(async () => {
    await copy.click();
    await expect(page.getByRole("button", { name: /copied/i })).toBeVisible({ timeout: 1_000 });
  }).toPass();
}
