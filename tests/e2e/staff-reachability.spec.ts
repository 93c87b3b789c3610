/**
 * Issue 10 item 5: every page of every staff role is reachable by clicking from that role's home.
 * A crawler signs in and reaches each page by clicking, from the staff navigation's link to the
 * area, along the shortest path of visible links the pages show (same area), and checks that every
 * page route the app/ tree defines for that area was reached.
 * The route list is read from app/(staff), so a new page without a link fails this test.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers/sign-in";

const STAFF = "app/(staff)";

/** Page routes under app/(staff) as patterns: /treasury/bonds/[id] → ^/treasury/bonds/[^/]+$. */
function staffRoutes(dir = STAFF): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return staffRoutes(p);
    return n === "page.tsx" ? ["/" + path.relative(STAFF, dir).split(path.sep).join("/")] : [];
  });
}
const toRegex = (route: string) => new RegExp(`^${route.replace(/\/$/, "").replace(/\[[^\]]+\]/g, "[^/]+")}/?$`);

/** The area's name in the staff navigation. */
const NAV: Record<string, string> = { "/lawyer": "Lawyer", "/treasury": "Treasury", "/admin": "Admin" };

/** Links a visitor can see and click to another page here (not downloads, not a new tab). */
async function visibleLinks(page: Page): Promise<string[]> {
  return page
    .locator("main a[href]:visible, nav a[href]:visible")
    .evaluateAll((as) => as.filter((a) => !a.getAttribute("target")).map((a) => a.getAttribute("href") ?? ""));
}

/** From anywhere signed in: the staff navigation's link to the area, then each link of `path`, by clicking. */
async function walk(page: Page, area: string, path: string[]): Promise<void> {
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: NAV[area], exact: true }).click();
  await page.waitForURL((u) => u.pathname === area);
  for (const href of path) {
    const to = new URL(href, page.url());
    await page.locator(`main a[href="${href}"]:visible, nav a[href="${href}"]:visible`).first().click();
    await page.waitForURL((u) => u.pathname === to.pathname && u.search === to.search);
  }
}

async function crawl(page: Page, area: string): Promise<Set<string>> {
  // Static routes first, so /lawyer/campaigns/new is not taken for /lawyer/campaigns/[id].
  const routes = staffRoutes()
    .filter((r) => r === area || r.startsWith(`${area}/`) || r === "/account")
    .sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")));
  const seen = new Set<string>([area]);
  const perRoute = new Map<string, number>();
  const reached = new Set<string>();
  // Breadth first: each page is reached by clicking the shortest path of links from the area's home.
  const queue: { url: string; path: string[] }[] = [{ url: area, path: [] }];
  while (queue.length) {
    const { url, path: clicks } = queue.shift()!;
    const pathname = new URL(url, "http://x").pathname;
    const route = routes.find((r) => toRegex(r).test(pathname));
    if (route) {
      // A few instances of each dynamic page are enough.
      const n = (perRoute.get(route) ?? 0) + 1;
      perRoute.set(route, n);
      if (n > 3) continue;
    }
    await walk(page, area, clicks);
    await expect(page.locator("main"), `${url} renders`).toBeVisible();
    await expect(page.getByTestId("forbidden"), `${url} is not refused`).toHaveCount(0);
    if (route) reached.add(route);
    for (const h of await visibleLinks(page)) {
      if (!h.startsWith("/") || h.startsWith("/treasury/exports") || seen.has(h)) continue;
      const p = new URL(h, "http://x").pathname;
      // Pages only: downloads (the ICS calendar, a notice's scan) are route handlers, not pages.
      if (!routes.some((r) => toRegex(r).test(p))) continue;
      if (p === area || p.startsWith(`${area}/`) || p === "/account") {
        seen.add(h);
        queue.push({ url: h, path: [...clicks, h] });
      }
    }
  }
  const missing = routes.filter((r) => !reached.has(r));
  expect(missing, `pages of ${area} not reachable by clicking from its home`).toEqual([]);
  return reached;
}

test("every lawyer page is reachable by clicking from /lawyer", async ({ page }) => {
  await signIn(page, "lawyer@openbond.example");
  await crawl(page, "/lawyer");
});

test("every treasury page is reachable by clicking from /treasury", async ({ page }) => {
  await signIn(page, "treasurer@openbond.example");
  await crawl(page, "/treasury");
});

test("every admin page is reachable by clicking from /admin (with a campaign waiting for review)", async ({ page }) => {
  await signIn(page, "lawyer@openbond.example");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Lawyer" }).click();
  await page.getByRole("link", { name: "New campaign" }).first().click();
  const form = page.getByRole("form", { name: "Campaign" });
  await form.getByLabel("Legal name").fill("Crawl Testperson");
  await form.getByLabel("A-number").fill("A271-828-182");
  await form.getByLabel("Date of birth").fill("1990-01-02");
  await form.getByLabel("Country of birth").fill("Peru");
  await form.getByLabel("Detention facility").fill("Krome Service Processing Center");
  await form.getByLabel("Bond set by").selectOption("judge");
  await form.getByLabel("Bond type").selectOption("delivery");
  await form.getByLabel("Bond amount (US dollars)").fill("4,000");
  await form.getByLabel("Bond order date").fill("2025-09-01");
  await form.getByLabel("Release address").fill("1 Test Road, Miami");
  await form.getByLabel("Release phone").fill("(305) 555-0100");
  await form.getByLabel("Consent date").fill("2025-09-02");
  await form.getByLabel(/written consent to publish/).check();
  await form.getByLabel(/consented to the story/).check();
  await form.getByLabel("Alias").fill("Ines");
  await form.getByLabel("Region").selectOption("Florida");
  await form.getByLabel("One-line summary").fill("A nurse detained since the autumn, hoping to go home.");
  await form
    .getByLabel("Story", { exact: true })
    .fill(
      "Ines* cared for patients in her town for years. She asked for asylum and has been detained since the autumn; a judge set a bond she cannot pay.",
    );
  await form.getByLabel("Month of detention").fill("2025-09");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/lawyer\?submitted=/);

  await signIn(page, "admin@openbond.example");
  await crawl(page, "/admin");
});
