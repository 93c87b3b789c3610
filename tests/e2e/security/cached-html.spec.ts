/**
 * The public pages' HTML cache (lib/cache/public-html.ts) serves one render to many visitors,
 * each with a nonce of their own. What an attacker would try against it:
 * - read a nonce off one response and use it on the next (a cached page must not repeat one);
 * - find the render's own token, which would be valid for as long as the copy is cached;
 * - send the render request's headers to choose the nonce themselves;
 * - make the cache hold pages of their choosing (queries, client-navigation requests).
 */
import { expect, test, type APIResponse } from "@playwright/test";
import { cspViolations, expectCampaignPageHydrated, nonceIn } from "../helpers/csp";

/** What a browser sends when it loads a page (the cache serves only such requests). */
const PAGE_LOAD = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "sec-fetch-dest": "document",
};

const PATHS = ["/", "/es", "/campaigns/amara-texas", "/es/campaigns/amara-texas"];

function nonceOf(res: APIResponse): string {
  const nonce = nonceIn(res.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  return nonce!;
}

/** Every nonce the response names anywhere: script and link attributes, the RSC payload, the Link header. */
async function namedNonces(res: APIResponse): Promise<Set<string>> {
  const text = `${await res.text()}\n${res.headers()["link"] ?? ""}`;
  const found = [
    ...text.matchAll(/nonce="([^"]*)"/g),
    ...text.matchAll(/\\"nonce\\":\\"([^"\\]*)\\"/g),
    ...text.matchAll(/'nonce-([^']*)'/g),
  ];
  return new Set(found.map((m) => m[1]!));
}

test("a cached public page names only its own response's nonce, a new one every time", async ({ request }) => {
  const seen = new Set<string>();
  for (const path of PATHS) {
    for (let visit = 0; visit < 3; visit++) {
      const res = await request.get(path, { headers: PAGE_LOAD });
      expect(res.status(), path).toBe(200);
      const nonce = nonceOf(res);
      expect(seen.has(nonce), `${path}: a nonce came back`).toBe(false);
      seen.add(nonce);
      expect([...(await namedNonces(res))], path).toEqual([nonce]);
    }
  }
});

test("the render request's headers from outside choose nothing", async ({ request }) => {
  const chosen = "AAAAAAAAAAAAAAAAAAAAAA==";
  const res = await request.get("/campaigns/amara-texas", {
    headers: { ...PAGE_LOAD, "x-openbond-render": "guess", "x-openbond-render-nonce": chosen },
  });
  expect(res.status()).toBe(200);
  expect(nonceOf(res)).not.toBe(chosen);
  expect(await res.text()).not.toContain(chosen);
});

test("a query is rendered, not served from the cache", async ({ request }) => {
  await request.get("/", { headers: PAGE_LOAD });
  const filtered = await request.get("/?status=all", { headers: PAGE_LOAD });
  expect(filtered.status()).toBe(200);
  expect([...(await namedNonces(filtered))]).toEqual([nonceOf(filtered)]);
  expect(await filtered.text()).toContain('<option value="all" selected="">');
});

test("the client router's requests get the page's payload, not the cached HTML", async ({ page, request }) => {
  // Next.js hides the router's headers from the proxy; a cached page answered to them would turn
  // every click into a full page load.
  const rsc = await request.get("/campaigns/amara-texas", { headers: { rsc: "1", accept: "*/*" } });
  expect(rsc.status()).toBe(200);
  expect(rsc.headers()["content-type"]).toContain("text/x-component");

  await page.goto("/");
  await page.evaluate(() => Object.assign(window, { stillHere: true }));
  await page.getByRole("link", { name: "Amara*", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Amara*");
  expect(await page.evaluate(() => "stillHere" in window), "the click reloaded the document").toBe(true);
});

test("a campaign page loaded from the cache runs under its own nonce: no violation, it hydrates", async ({ page }) => {
  const violations = cspViolations(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Amara*", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Amara*");
  // A page load (the click above was a client-side navigation): served from the page cache.
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().isNavigationRequest()), page.reload()]);
  const nonce = nonceIn((await response.allHeaders())["content-security-policy"]);
  expect(await response.text()).toContain(`nonce="${nonce}"`);
  await expectCampaignPageHydrated(page);
  expect(violations).toEqual([]);
});
