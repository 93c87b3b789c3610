/**
 * Issue 11, finding 2: a donor who types the client's legal name or A-number as their donor-wall
 * name never sees it published, in either language, and cannot tell it from any other name
 * waiting for review. The admin sees what the PII guard found, approves in bulk, and only the
 * approved names appear. Sign-in links come from /api/test/last-mail (APP_ENV=test only).
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { openCampaign } from "./helpers/give";
import { shots } from "./helpers/shots";
import { signIn } from "./helpers/sign-in";

const CASE = {
  legalName: "Velmora Tashquint",
  aNumber: "A271-828-182",
  dateOfBirth: "1990-02-14",
  countryOfBirth: "Honduras",
  facility: "Stewart Detention Center",
};
const NEEDLES = ["Velmora", "Tashquint", "271828182", "271-828-182", "271\u00ad828"];
const PLAIN = "The Oakwood Choir";

async function staffPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** A lawyer writes the campaign and an admin approves it, by clicking, as lawyer-campaign.spec does. */
async function liveCampaign(browser: Browser): Promise<{ slug: string; admin: Page }> {
  const lawyer = await staffPage(browser, "lawyer@openbond.example");
  await lawyer.getByRole("link", { name: "Lawyer", exact: true }).click();
  await lawyer.getByRole("link", { name: "New campaign" }).first().click();
  const form = lawyer.getByRole("form", { name: "Campaign" });
  await form.getByLabel("Legal name").fill(CASE.legalName);
  await form.getByLabel("A-number").fill(CASE.aNumber);
  await form.getByLabel("Date of birth").fill(CASE.dateOfBirth);
  await form.getByLabel("Country of birth").fill(CASE.countryOfBirth);
  await form.getByLabel("Detention facility").fill(CASE.facility);
  await form.getByLabel("Bond set by").selectOption("judge");
  await form.getByLabel("Bond type").selectOption("delivery");
  await form.getByLabel("Bond amount (US dollars)").fill("7,500");
  await form.getByLabel("Bond order date").fill("2025-09-04");
  await form.getByLabel("Consent date").fill("2025-09-06");
  await form.getByLabel(/written consent to publish/).check();
  await form.getByLabel(/consented to the story/).check();
  await form.getByLabel("Alias").fill("Iris");
  await form.getByLabel("Region").selectOption("Georgia");
  await form.getByLabel("One-line summary").fill("A nurse detained since the autumn, hoping to go home to her kids.");
  await form
    .getByLabel("Story", { exact: true })
    .fill("Iris* is a nurse and a mother of two. She has been detained since the autumn; a judge set a bond.");
  await form.getByLabel("Month of detention").fill("2025-08");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(lawyer).toHaveURL(/\/lawyer\?submitted=/);

  const admin = await staffPage(browser, "admin@openbond.example");
  await admin.getByRole("link", { name: "Admin", exact: true }).click();
  await admin.getByRole("link", { name: "Review Iris*" }).click();
  await admin.getByRole("button", { name: "Approve and publish" }).click();
  await expect(admin).toHaveURL(/done=approved/);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  const href = await visitor
    .getByTestId("campaign-card")
    .filter({ hasText: "Iris" })
    .locator("a")
    .first()
    .getAttribute("href");
  await visitor.context().close();
  const slug = /\/campaigns\/(iris-[0-9a-f]{6})/.exec(href ?? "")?.[1];
  expect(slug).toBeTruthy();
  return { slug: slug!, admin };
}

async function give(browser: Browser, slug: string, name: string, shotName?: string): Promise<void> {
  const donor = await (await browser.newContext()).newPage();
  await donor.goto("/");
  await openCampaign(donor, "Iris");
  expect(donor.url()).toContain(`/campaigns/${slug}`);
  await expect(donor.getByText("Names appear on the wall once a person on our team has reviewed them")).toBeVisible();
  await donor.getByLabel("Other amount in dollars").fill("15");
  await donor.getByLabel("Name on the donor wall").fill(name);
  await donor.getByRole("button", { name: /^(Give \$[\d,]+\.\d{2}( a month)?|Continue to secure payment)$/ }).click();
  await donor.getByRole("button", { name: "Pay (card succeeds)" }).click();
  await expect(donor).toHaveURL(/\/give\/thanks/);
  await expect(donor.getByText(/it appears once a person on our team has reviewed it/)).toBeVisible();
  if (shotName) await shots(donor, shotName);
  await donor.context().close();
}

async function publicHtml(browser: Browser, slug: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of ["/", "/es", `/campaigns/${slug}`, `/es/campaigns/${slug}`, `/campaigns/${slug}/transparency`]) {
    // One context per page: next-intl remembers a chosen language and would redirect the next path.
    const context = await browser.newContext();
    const res = await context.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    out[path] = await res.text();
    await context.close();
  }
  expect(out[`/campaigns/${slug}`]).toContain("Donor wall");
  expect(out[`/es/campaigns/${slug}`]).toContain("Muro de donantes");
  return out;
}

test("the client's legal name or A-number typed as a donor-wall name is never published; reviewed names are", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { slug, admin } = await liveCampaign(browser);
  await give(browser, slug, CASE.legalName, "donor-thanks-review");
  await give(browser, slug, `A# 271\u00ad828\u00ad182`);
  await give(browser, slug, PLAIN);

  // Waiting: every typed name shows as "A donor" / "Un donante", the legal name exactly like the others.
  let html = await publicHtml(browser, slug);
  for (const [path, body] of Object.entries(html))
    for (const n of [...NEEDLES, PLAIN]) expect(body, `${path} shows "${n}" before review`).not.toContain(n);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await openCampaign(visitor, "Iris");
  await expect(visitor.getByTestId("donor-wall").getByText("A donor", { exact: true })).toHaveCount(3);
  await shots(visitor, "donor-wall-waiting");
  await visitor.getByRole("link", { name: "Ver esta página en español" }).click();
  await expect(visitor.getByTestId("donor-wall").getByText("Un donante", { exact: true })).toHaveCount(3);

  // The admin reaches the queue from the admin home and sees what the guard found, there only.
  await admin.getByRole("link", { name: "Queues" }).click();
  await expect(admin.getByRole("heading", { name: /^Donor wall names \([1-9]\d*\)$/ })).toBeVisible();
  await admin.getByRole("link", { name: "Review donor wall names" }).click();
  const table = admin.getByTestId("donor-names");
  const decisions = admin.getByRole("form", { name: "Donor wall names" });
  const legalRow = table.getByRole("row").filter({ hasText: "Tashquint" });
  await expect(legalRow).toContainText("Blocked (name)");
  await expect(table.getByRole("row").filter({ hasText: "271" })).toContainText("Blocked (a_number)");
  await expect(table.getByRole("row").filter({ hasText: PLAIN })).toContainText("nothing found");
  await shots(admin, "admin-donor-names");

  // Bulk: tick this campaign's three and approve; the two the guard blocks stay unpublished.
  // (Other tests' donors may wait in the queue too.)
  const ours = table.getByRole("row").filter({ hasText: "Iris*" });
  await expect(ours).toHaveCount(3);
  for (const box of await ours.getByRole("checkbox").all()) await box.check();
  await admin.getByRole("button", { name: "Approve selected" }).click();
  await expect(decisions.getByRole("alert")).toContainText("1 name approved");
  await expect(decisions.getByRole("alert")).toContainText("2 names were not approved");
  await expect(table.getByRole("row").filter({ hasText: PLAIN })).toHaveCount(0);
  await expect(ours).toHaveCount(2);
  for (const box of await ours.getByRole("checkbox").all()) await box.check();
  await admin.getByRole("button", { name: "Hide selected" }).click();
  await expect(decisions.getByRole("status")).toContainText("2 names hidden");
  await expect(ours).toHaveCount(0);

  html = await publicHtml(browser, slug);
  for (const [path, body] of Object.entries(html))
    for (const n of NEEDLES) expect(body, `${path} leaks "${n}"`).not.toContain(n);
  // A fresh visitor: the one above chose Spanish, and next-intl remembers that choice.
  const english = await (await browser.newContext()).newPage();
  await english.goto("/");
  await openCampaign(english, "Iris");
  await expect(english.getByTestId("donor-wall")).toContainText(PLAIN);
  await expect(english.getByTestId("donor-wall").getByText("A donor", { exact: true })).toHaveCount(2);
  await shots(english, "donor-wall-reviewed");
  await visitor.reload(); // still on the Spanish campaign page it switched to
  await expect(visitor).toHaveURL(new RegExp(`/es/campaigns/${slug}$`));
  await expect(visitor.getByTestId("donor-wall")).toContainText(PLAIN);
  await expect(visitor.getByTestId("donor-wall").getByText("Un donante", { exact: true })).toHaveCount(2);
});
