/**
 * A lawyer writes a campaign, the privacy guard stops the client's name in the
 * story, the lawyer fixes it and submits, an admin approves, and the public home
 * page shows the alias and nothing from the case file.
 * Sign-in links are read through /api/test/last-mail, which exists only when APP_ENV=test.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** Every byte under a folder, concatenated (the embedded database's files). */
function readTree(dir: string): Buffer {
  if (!existsSync(dir)) return Buffer.alloc(0);
  return Buffer.concat(
    readdirSync(dir).map((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? readTree(p) : readFileSync(p);
    }),
  );
}

const CASE = {
  legalName: "Quenby Marlowick",
  aNumber: "A314-159-265",
  dateOfBirth: "1991-06-12",
  countryOfBirth: "Eritrea",
  facility: "Otay Mesa Detention Center",
  releaseAddress: "77 Larkspur Way, Oakland",
  releasePhone: "(510) 555-0142",
};
const NEEDLES = ["Quenby", "Marlowick", "314159265", "314-159-265", "1991-06-12", "Otay Mesa", "Larkspur", "555-0142"];
const STORY =
  "Noor* fled violence and asked for asylum at the border. She has been detained since the summer; a judge set a bond her family cannot pay. A church in her community will host her.";

async function signIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const res = await page.request.get(`/api/test/last-mail?to=${encodeURIComponent(email)}`);
  expect(res.ok()).toBe(true);
  const link = /https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec(((await res.json()) as { text: string }).text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByTestId("roles")).toBeVisible();
  return page;
}

test("anonymous visitors are sent to sign-in; a lawyer gets a 403 on the admin pages", async ({ page, browser }) => {
  await page.goto("/lawyer");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/sign-in/);
  const lawyer = await signIn(browser, "lawyer@openbond.example");
  await lawyer.goto("/admin");
  await expect(lawyer.getByTestId("forbidden")).toContainText("This page is for admin accounts.");
});

test("a lawyer's campaign passes the privacy guard and an admin's review, and goes live anonymized", async ({
  browser,
}) => {
  const lawyer = await signIn(browser, "lawyer@openbond.example");
  await lawyer.goto("/lawyer/campaigns/new");
  const form = lawyer.getByRole("form", { name: "Campaign" });
  await form.getByLabel("Legal name").fill(CASE.legalName);
  await form.getByLabel("A-number").fill(CASE.aNumber);
  await form.getByLabel("Date of birth").fill(CASE.dateOfBirth);
  await form.getByLabel("Country of birth").fill(CASE.countryOfBirth);
  await form.getByLabel("Detention facility").fill(CASE.facility);
  await form.getByLabel("Bond set by").selectOption("judge");
  await form.getByLabel("Bond type").selectOption("delivery");
  await form.getByLabel("Bond amount (US dollars)").fill("8,500");
  await form.getByLabel("Bond order date").fill("2025-08-04");
  await form.getByLabel("Release address").fill(CASE.releaseAddress);
  await form.getByLabel("Release phone").fill(CASE.releasePhone);
  await form.getByLabel("Consent date").fill("2025-08-06");
  await form.getByLabel(/written consent to publish/).check();
  await form.getByLabel(/consented to the story/).check();
  await form.getByLabel("Alias").fill("Noor");
  await form.getByLabel("Region").selectOption("California");
  await form.getByLabel("One-line summary").fill("A mother detained since the summer, hoping to rejoin her community.");
  await form
    .getByLabel("Story", { exact: true })
    .fill(`My client ${CASE.legalName} has been detained since the summer and cannot pay the bond a judge set.`);
  await form.getByLabel("Month of detention").fill("2025-07");

  await form.getByRole("button", { name: "Submit for review" }).click();
  const storyError = form.getByTestId("error-story");
  await expect(storyError).toContainText(/name/i);
  await expect(form.getByRole("alert")).toContainText("correct the fields marked below");
  for (const n of NEEDLES) await expect(storyError).not.toContainText(n);
  await expect(form.getByLabel("Legal name")).toHaveValue(CASE.legalName);
  await lawyer.screenshot({ path: "test-results/lawyer-form-blocked.png", fullPage: true });

  await form.getByLabel("Story", { exact: true }).fill(STORY);
  await expect(form.getByTestId("story-count")).toContainText(`${STORY.length} / 5,000`);
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(lawyer).toHaveURL(/\/lawyer\?submitted=/);
  await expect(lawyer.getByTestId("lawyer-campaigns").getByRole("row", { name: /Noor/ })).toContainText("in review");

  const admin = await signIn(browser, "admin@openbond.example");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Review Noor*" }).click();
  await expect(admin.getByTestId("case-file")).toContainText(CASE.legalName);
  await expect(admin.getByTestId("case-file")).toContainText(CASE.aNumber);
  await expect(admin.getByTestId("approve-effect")).toContainText(
    /The campaign goes live at \/campaigns\/noor-[0-9a-f]{6}/,
  );
  await admin.screenshot({ path: "test-results/admin-review.png", fullPage: true });
  await admin.getByRole("button", { name: "Approve and publish" }).click();
  await expect(admin).toHaveURL(/done=approved/);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await expect(visitor.getByTestId("campaign-card").filter({ hasText: "Noor" })).toContainText("California");
  const html = await visitor.content();
  for (const n of NEEDLES) expect(html).not.toContain(n);

  // Canary crawl: every public page and API response a visitor can reach, the server's log and the
  // database files on disk must not contain a single case-file value.
  const slug = /\/campaigns\/(noor-[0-9a-f]{6})/.exec(
    (await visitor
      .getByTestId("campaign-card")
      .filter({ hasText: "Noor" })
      .locator("a")
      .first()
      .getAttribute("href")) ?? "",
  )?.[1];
  expect(slug).toBeTruthy();
  const publicPaths = [
    "/",
    "/es",
    `/campaigns/${slug}`,
    `/es/campaigns/${slug}`,
    `/campaigns/${slug}/transparency`,
    `/es/campaigns/${slug}/transparency`,
    "/?region=California",
    "/?status=live&sort=raised",
    "/campaigns/does-not-exist",
    "/api/auth/session",
    "/api/auth/providers",
    "/sign-in",
  ];
  for (const path of publicPaths) {
    const res = await visitor.request.get(path);
    expect(res.status(), path).toBeLessThan(500);
    const body = await res.text();
    for (const n of NEEDLES) expect(body, `${path} leaks a case-file value`).not.toContain(n);
  }
  await visitor.goto(`/campaigns/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText("Noor");
  const logs = readIfExists(".data/e2e-server.log");
  expect(logs.length, "the server log is captured").toBeGreaterThan(0);
  for (const n of NEEDLES) expect(logs, "server log leaks a case-file value").not.toContain(n);
  const stored = readTree(".data/e2e");
  for (const n of NEEDLES)
    expect(stored.includes(Buffer.from(n)), `database files hold "${n}" in plaintext`).toBe(false);

  await admin.goto("/admin/audit?action=case_file.read");
  await expect(admin.getByTestId("audit-table")).toContainText("case_file.read");
  for (const n of NEEDLES) expect(await admin.content()).not.toContain(n);
});
