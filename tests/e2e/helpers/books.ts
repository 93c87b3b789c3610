/**
 * Money shown on a page against the books. Donor pages: the test-only /api/test/campaign-books route
 * (the e2e server's embedded database can only be opened by the server itself). Staff pages: click a
 * figure (it links to its ledger account) and read the treasury ledger's own balance.
 */
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { CampaignBooks } from "@/lib/campaigns/campaign-books";

/** "$8,085.21" → 808521: donor pages show money with cents (one format); anything else throws. */
export function cents(text: string | null): number {
  const m = /^-?\$(\d{1,3}(?:,\d{3})*)\.(\d{2})$/.exec((text ?? "").trim());
  if (!m) throw new Error(`not a money figure with cents: ${JSON.stringify(text)}`);
  return Number(m[1]!.replace(/,/g, "")) * 100 + Number(m[2]);
}

/** A staff figure ("$1,200.00", "−$3.00", "-$3.00") in cents. */
export const staffCents = (s: string) => Math.round(Number(s.replace("−", "-").replace(/[^0-9.-]/g, "")) * 100);

export async function books(request: APIRequestContext, slug: string): Promise<CampaignBooks> {
  const res = await request.get(`/api/test/campaign-books?slug=${slug}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as CampaignBooks;
}

/** The campaign's headline figure, once the page shows what the books hold (webhooks arrive asynchronously). */
export async function expectFigureMatchesBooks(page: Page, request: APIRequestContext, slug: string): Promise<number> {
  // A click that led here may still be navigating: the home page also has "raised" figures, one per card.
  await page.waitForURL(new RegExp(`/campaigns/${slug}(?:[?#]|$)`));
  let b = await books(request, slug);
  await expect
    .poll(async () => {
      b = await books(request, slug);
      const shown = cents(await page.getByTestId("raised").textContent());
      if (shown !== b.balanceCents + b.paidToIceCents) await page.reload();
      return shown;
    })
    .toBe(b.balanceCents + b.paidToIceCents);
  return b.balanceCents;
}

/** Click a money figure (it links to its ledger account) and read the ledger's own balance. */
export async function ledgerBalanceBehind(page: Page, figure: Locator): Promise<number> {
  await figure.getByRole("link").click();
  await page.waitForURL(/\/treasury\/ledger\?account=/);
  return staffCents(await page.getByTestId("ledger-balance").innerText());
}
