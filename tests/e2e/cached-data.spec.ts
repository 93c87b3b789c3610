/**
 * Public pages' data comes from Next's data cache (app/revalidate-public.ts) and their HTML from
 * the page cache (lib/cache/public-html.ts), with a fresh CSP nonce on every response. A gift
 * booked by the webhook must expire both at once: the campaign page and the home page's card show it on the next visit,
 * equal to the books (read through the test-only /api/test/campaign-books route).
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { nonceIn } from "./helpers/csp";

const GIVE = /^(Give \$[\d,]+\.\d{2}|Continue to secure payment)$/;

function cents(text: string | null): number {
  const m = /^\$(\d{1,3}(?:,\d{3})*)\.(\d{2})$/.exec((text ?? "").trim());
  if (!m) throw new Error(`not a money figure with cents: ${JSON.stringify(text)}`);
  return Number(m[1]!.replace(/,/g, "")) * 100 + Number(m[2]);
}

async function booked(request: APIRequestContext): Promise<number> {
  const res = await request.get("/api/test/campaign-books?slug=dmitri-louisiana");
  expect(res.ok()).toBe(true);
  const b = (await res.json()) as { balanceCents: number; paidToIceCents: number };
  return b.balanceCents + b.paidToIceCents;
}

const card = (page: Page) => page.getByTestId("campaign-card").filter({ hasText: "Dmitri*" }).getByTestId("raised");

test("each visit gets its own script nonce, and only scripts carrying it are on the page", async ({ request }) => {
  const nonces: string[] = [];
  for (const path of ["/", "/campaigns/dmitri-louisiana", "/campaigns/dmitri-louisiana"]) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const nonce = nonceIn(csp);
    expect(nonce, path).toBeTruthy();
    const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s, path).toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

test("a gift booked while the campaign's data is cached shows at once on its page and on the home page's card", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const before = await booked(request);
  expect(cents(await card(page).textContent())).toBe(before);
  await page.getByRole("link", { name: "Dmitri*", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dmitri*");
  await page.reload(); // served from the data cache now
  expect(cents(await page.getByTestId("raised").textContent())).toBe(before);

  await page.getByLabel("Other amount in dollars").fill("23");
  await page.getByLabel("Email for your receipt").fill("cache-check@example.org");
  await page.getByRole("button", { name: GIVE }).click();
  await page.getByRole("button", { name: "Pay (card succeeds)" }).click();
  await expect(page).toHaveURL(/\/give\/thanks/);
  // The gift, less its Stripe fee (the campaign bears it), once the webhook has booked both.
  await expect.poll(() => booked(request)).toBeGreaterThan(before + 2000);

  // The webhook has booked the gift: it shows within moments (its revalidation is applied as the
  // webhook's response is sent, a hair after the commit), not after the data cache's 30 s or the
  // page cache's 5 s. Each look is a page load, which the page cache answers (lib/cache/public-html.ts);
  // the clicks below are client-side navigations, which it does not.
  const fresh = async (figure: () => Promise<string | null>) =>
    expect
      .poll(async () => (await page.reload(), cents(await figure()) === (await booked(request))), { timeout: 2_000 })
      .toBe(true);
  await page.getByRole("link", { name: "Back to Dmitri*'s campaign" }).click();
  await expect(page).toHaveURL(/\/campaigns\/dmitri-louisiana$/);
  await fresh(() => page.getByTestId("raised").textContent());
  await page.getByRole("banner").getByRole("link").first().click();
  await expect(page).toHaveURL(/:\d+\/$/);
  await fresh(() => card(page).textContent());
});
