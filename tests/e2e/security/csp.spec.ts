/**
 * Issue 11 finding 4: scripts run only with a per-request nonce (no 'unsafe-inline' for
 * scripts), and the donor pages still work under that policy (no violation, hydrated).
 */
import { expect, test } from "@playwright/test";
import { cspViolations, expectCampaignPageHydrated, nonceIn } from "../helpers/csp";

function scriptSrc(csp: string): string {
  return csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
}

test("script-src has a fresh nonce per response and no 'unsafe-inline'", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/sign-in", "/campaigns/amara-texas", "/es", "/transparency"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const src = scriptSrc(res.headers()["content-security-policy"] ?? "");
    expect(src, path).not.toContain("'unsafe-inline'");
    const nonce = nonceIn(src);
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs, `${path}: ${attrs}`).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(5);
});

test("the donor pages run under the policy: no violation, the page hydrates", async ({ page }) => {
  const violations = cspViolations(page);
  await page.goto("/");
  await page.getByRole("link", { name: /amara/i }).first().click();
  await page.waitForURL(/\/campaigns\//);
  await expectCampaignPageHydrated(page);
  expect(violations).toEqual([]);
});
